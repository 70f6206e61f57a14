import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { requestSummary } from './logging.module.js';

function exchange(method: string, url: string, statusCode: number): [IncomingMessage, ServerResponse] {
  const request = new IncomingMessage(new Socket());
  request.method = method;
  request.url = url;
  const response = new ServerResponse(request);
  response.statusCode = statusCode;
  return [request, response];
}

describe("a request's log line", () => {
  it('reads as method, path, status and time', () => {
    expect(requestSummary(...exchange('GET', '/api/v1/plans', 200), 12.4)).toBe('GET /api/v1/plans 200 12ms');
  });

  it('says why a request failed', () => {
    expect(requestSummary(...exchange('POST', '/api/v1/plans', 500), new Error('connection refused'))).toBe(
      'POST /api/v1/plans 500: connection refused',
    );
  });
});
