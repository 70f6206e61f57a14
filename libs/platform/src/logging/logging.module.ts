import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { LoggingConfig } from '../config/logging.config.js';

export const REQUEST_ID_HEADER = 'x-request-id';
const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Keeps a well-formed id from a proxy in front of us, otherwise a new one; echoed in the response. */
export function requestId(request: IncomingMessage, response: ServerResponse): string {
  const incoming = request.headers[REQUEST_ID_HEADER];
  const id = typeof incoming === 'string' && ACCEPTABLE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
  response.setHeader(REQUEST_ID_HEADER, id);
  return id;
}

/** Pino (JSON lines on stdout) as Nest's logger, with one log line per HTTP request carrying its id. */
export function loggingModule(config: LoggingConfig): DynamicModule {
  return LoggerModule.forRoot({
    pinoHttp: {
      level: config.level,
      genReqId: requestId,
      customLogLevel: (_request, response, error) =>
        error !== undefined || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
      // Probes call /health every few seconds.
      autoLogging: { ignore: (request) => request.url === '/health' },
      // One short line per request: the id ties it to the problem details a user may quote.
      serializers: {
        req: (request: { id?: unknown; method?: string; url?: string }) => ({
          id: request.id,
          method: request.method,
          url: request.url,
        }),
        res: (response: { statusCode?: number }) => ({ statusCode: response.statusCode }),
      },
    },
  });
}
