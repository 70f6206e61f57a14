import { refuseAtOnce } from './upload-checks.js';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('uploads refused before any job', () => {
  it('refuses an empty file', () => {
    expect(refuseAtOnce('plan.txt', 'text/plain', new Uint8Array())).toEqual({
      status: 422,
      code: 'EMPTY_FILE',
      message: 'plan.txt is empty.',
    });
  });

  it.each([
    ['an old Word document by its first bytes', 'plan.docx', null, new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1])],
    ['an image by its name', 'scan.png', null, bytes('not really')],
    ['an old Excel workbook by its declared type', 'plan', 'application/vnd.ms-excel', bytes('bytes')],
    ['an image by its declared type', 'plan', 'image/jpeg', bytes('bytes')],
  ])('refuses %s as an unsupported type', (_, name, mediaType, content) => {
    expect(refuseAtOnce(name, mediaType, content)).toMatchObject({ status: 415, code: 'UNSUPPORTED_TYPE' });
  });

  it('leaves text, CSV and office documents to the imports job', () => {
    expect(refuseAtOnce('plan.txt', 'text/plain', bytes('Action\tLead'))).toBeNull();
    expect(refuseAtOnce('plan.csv', 'text/csv', bytes('Action,Lead'))).toBeNull();
    expect(refuseAtOnce('plan.pdf', 'application/pdf', bytes('%PDF-1.7 …'))).toBeNull();
    expect(refuseAtOnce('plan.docx', 'application/octet-stream', new Uint8Array([0x50, 0x4b, 3, 4]))).toBeNull();
  });
});
