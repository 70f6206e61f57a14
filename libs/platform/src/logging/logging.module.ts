import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { chosenLogFormat, type LoggingConfig } from '../config/logging.config.js';

export const REQUEST_ID_HEADER = 'x-request-id';
const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Keeps a well-formed id from a proxy in front of us, otherwise a new one; echoed in the response. */
export function requestId(request: IncomingMessage, response: ServerResponse): string {
  const incoming = request.headers[REQUEST_ID_HEADER];
  const id = typeof incoming === 'string' && ACCEPTABLE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
  response.setHeader(REQUEST_ID_HEADER, id);
  return id;
}

/**
 * What a request's line says, the same in JSON (`msg`) and on a terminal: `GET /plans 200 12ms`, or
 * for a request that failed `POST /api/v1/plans 500: <why>`.
 */
export function requestSummary(request: IncomingMessage, response: ServerResponse, outcome: number | Error): string {
  const summary = `${request.method ?? '?'} ${request.url ?? ''} ${response.statusCode}`;
  return outcome instanceof Error ? `${summary}: ${outcome.message}` : `${summary} ${Math.round(outcome)}ms`;
}

/**
 * Pino as Nest's logger, with one log line per HTTP request carrying its id: JSON lines on stdout,
 * or at a developer's terminal one readable line each through pino-pretty (LOG_FORMAT).
 */
export function loggingModule(config: LoggingConfig, production: boolean): DynamicModule {
  const pretty = chosenLogFormat(config.format, process.stdout.isTTY === true, production) === 'pretty';
  return LoggerModule.forRoot({
    pinoHttp: {
      level: config.level,
      ...(pretty && {
        transport: {
          target: 'pino-pretty',
          options: { singleLine: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,req,res,responseTime' },
        },
      }),
      customSuccessMessage: (request, response, milliseconds) => requestSummary(request, response, milliseconds),
      customErrorMessage: (request, response, error) => requestSummary(request, response, error),
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
