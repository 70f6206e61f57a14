import { OAuthError } from './oauth-error.js';
import { RequestParameters } from './request-parameters.js';

describe('RequestParameters', () => {
  const parameters = RequestParameters.from({ code: 'abc', empty: '', repeated: ['a', 'b'], nested: { a: '1' } });

  it('reads single values and treats empty ones as absent', () => {
    expect(parameters.get('code')).toBe('abc');
    expect(parameters.get('empty')).toBeUndefined();
    expect(parameters.get('missing')).toBeUndefined();
  });

  it('refuses repeated and nested parameters', () => {
    expect(() => parameters.get('repeated')).toThrow(OAuthError);
    expect(() => parameters.get('nested')).toThrow(/repeated or malformed/);
    expect(parameters.tryGet('repeated')).toBeUndefined();
  });

  it('reads nothing from no body', () => {
    expect(RequestParameters.from(undefined).get('code')).toBeUndefined();
  });
});
