import { BadRequestException, NotFoundException, type ArgumentMetadata } from '@nestjs/common';
import { z } from 'zod';
import { ProblemException, ProblemType, RequestValidationError } from './problem-details.js';
import { toProblem } from './problem-details.filter.js';
import { ZodValidationPipe } from './zod-validation.pipe.js';

const body: ArgumentMetadata = { type: 'body' };

function validationErrorOf(run: () => unknown): RequestValidationError {
  try {
    run();
  } catch (error) {
    if (error instanceof RequestValidationError) return error;
    throw error;
  }
  throw new Error('no validation error was thrown');
}

describe('problem details', () => {
  it('turns a Nest HTTP exception into an about:blank problem with the status phrase as title', () => {
    expect(toProblem(new NotFoundException('No plan 7 here'))).toEqual({
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: 'No plan 7 here',
    });
  });

  it('keeps a problem thrown on purpose as it is, with its extension members', () => {
    const problem = new ProblemException({
      status: 412,
      detail: 'The plan changed since version 3',
      extensions: { currentVersion: 4 },
    });
    expect(toProblem(problem)).toEqual({
      type: 'about:blank',
      title: 'Precondition Failed',
      status: 412,
      detail: 'The plan changed since version 3',
      currentVersion: 4,
    });
    expect(problem.message).toBe('The plan changed since version 3');
  });

  it('shows the message of a client error that says it may be shown (body-parser)', () => {
    const parseError = Object.assign(new SyntaxError('Unexpected end of JSON input'), { status: 400, expose: true });
    expect(toProblem(parseError)).toEqual({
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      detail: 'Unexpected end of JSON input',
    });
  });

  it('hides what an unexpected error says', () => {
    const problem = toProblem(new Error('password authentication failed for user "app"'));
    expect(problem).toEqual(expect.objectContaining({ type: ProblemType.internal, status: 500 }));
    expect(JSON.stringify(problem)).not.toContain('password');
  });

  it('joins the messages of a class-validator style error', () => {
    expect(toProblem(new BadRequestException(['title must be a string', 'due is required'])).detail).toBe(
      'title must be a string; due is required',
    );
  });
});

describe('validating a request part with zod', () => {
  const schema = z.object({ title: z.string().min(1), actions: z.array(z.object({ due: z.string() })) });
  const pipe = new ZodValidationPipe(schema);

  it('passes the parsed value on', () => {
    expect(pipe.transform({ title: 'Plan', actions: [], extra: true }, body)).toEqual({ title: 'Plan', actions: [] });
  });

  it('names every failing field, with a JSON pointer', () => {
    const error = validationErrorOf(() => pipe.transform({ title: '', actions: [{ due: 5 }] }, body));
    expect(toProblem(error)).toMatchObject({
      type: ProblemType.validation,
      title: 'Your request is not valid',
      status: 400,
      detail: 'Check title, actions.0.due',
      errors: [
        { in: 'body', field: 'title', pointer: '#/title' },
        { in: 'body', field: 'actions.0.due', pointer: '#/actions/0/due' },
      ],
    });
    expect(error.fieldErrors.map((fieldError) => fieldError.detail.length > 0)).toEqual([true, true]);
  });

  it('names a route parameter by its name', () => {
    const error = validationErrorOf(() =>
      new ZodValidationPipe(z.uuid()).transform('nope', { type: 'param', data: 'planId' }),
    );
    expect(error.fieldErrors).toMatchObject([{ in: 'param', field: 'planId', pointer: '#/planId' }]);
    expect(error.fieldErrors).toHaveLength(1);
  });
});
