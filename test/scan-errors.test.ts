import { expect, it, vi } from 'vitest';
import { resolveConfig } from '../scanners/config/load.ts';
import { scanFile } from '../scanners/scan.ts';

// A stylesheet gatherer with a bug: the runner must turn it into a finding for that file alone.
vi.mock('../scanners/gather/css/index.ts', () => ({
  gatherCss: () => {
    throw new RangeError('Maximum call stack size exceeded');
  },
}));

const config = resolveConfig({ site: 'https://www.example.ca' }, 'test config');
const bytes = (text: string) => new TextEncoder().encode(text);

it('turns a gatherer crash into an input finding that names the error', () => {
  expect(scanFile('deep.css', bytes('a { b: c }'), config)).toEqual([
    expect.objectContaining({
      ruleId: 'input/unreadable',
      category: 'input',
      severity: 'error',
      file: 'deep.css',
      message: expect.stringContaining('Maximum call stack size exceeded'),
    }),
  ]);
});

it('still scans other kinds of files', () => {
  expect(scanFile('index.html', bytes('<img src="https://pixel.example.net/p.gif" alt="">'), config)).toEqual([
    expect.objectContaining({ ruleId: 'third-party/request', file: 'index.html' }),
  ]);
});
