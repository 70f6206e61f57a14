import type { JsonObject } from './event.js';

/** Turns one event type's data from `fromSchemaVersion` into `fromSchemaVersion + 1`. */
export interface Upcaster {
  readonly eventType: string;
  readonly fromSchemaVersion: number;
  upcast(data: JsonObject): JsonObject;
}

/** Applied on read only: stored events are never rewritten. */
export class Upcasters {
  private readonly byKey = new Map<string, Upcaster>();

  constructor(upcasters: readonly Upcaster[] = []) {
    for (const upcaster of upcasters) this.register(upcaster);
  }

  register(upcaster: Upcaster): void {
    const key = `${upcaster.eventType}@${upcaster.fromSchemaVersion}`;
    if (this.byKey.has(key)) throw new Error(`Two upcasters for ${key}`);
    this.byKey.set(key, upcaster);
  }

  apply(eventType: string, schemaVersion: number, data: JsonObject): { schemaVersion: number; data: JsonObject } {
    let version = schemaVersion;
    let current = data;
    for (
      let upcaster = this.byKey.get(`${eventType}@${version}`);
      upcaster;
      upcaster = this.byKey.get(`${eventType}@${version}`)
    ) {
      current = upcaster.upcast(current);
      version += 1;
    }
    return { schemaVersion: version, data: current };
  }
}
