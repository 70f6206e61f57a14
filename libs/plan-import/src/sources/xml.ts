import { SaxesParser } from 'saxes';

import { PlanImportError } from '../errors.js';

export type XmlHandlers = {
  readonly open: (name: string, attributes: Readonly<Record<string, string>>, selfClosing: boolean) => void;
  readonly close: (name: string) => void;
  readonly text: (text: string) => void;
};

/** Streams an XML part of a DOCX or ODF archive through the handlers; a parse error is a corrupt document. */
export function walkXml(xml: string, kind: string, handlers: XmlHandlers): void {
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => handlers.open(tag.name, tag.attributes, tag.isSelfClosing));
  parser.on('closetag', (tag) => handlers.close(tag.name));
  parser.on('text', (text) => handlers.text(text));
  parser.on('cdata', (text) => handlers.text(text));
  try {
    parser.write(xml).close();
  } catch (error) {
    if (error instanceof PlanImportError) throw error;
    const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    throw new PlanImportError('CORRUPT_DOCUMENT', `The ${kind} file's XML cannot be read: ${reason}`);
  }
}
