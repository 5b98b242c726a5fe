import { describe, expect, it } from 'vitest';
import { scriptKind } from '../../scanners/syntax/script-type.ts';

describe('scriptKind', () => {
  it.each([
    [{}, 'classic'],
    [{ type: '' }, 'classic'],
    [{ type: 'text/javascript' }, 'classic'],
    [{ type: ' Application/JavaScript; charset=utf-8' }, 'classic'],
    [{ type: 'text/partytown' }, 'classic'],
    [{ type: 'x-unknown' }, 'classic'],
    [{ type: 'module' }, 'module'],
    [{ type: 'MODULE' }, 'module'],
    [{ type: 'importmap' }, 'importmap'],
    [{ type: 'speculationrules' }, 'speculationrules'],
    [{ type: 'application/ld+json' }, 'data'],
    [{ type: 'application/json' }, 'data'],
    [{ type: 'text/plain' }, 'data'],
    [{ type: 'text/plain', 'data-cookieconsent': 'statistics' }, 'classic'],
    [{ type: 'text/plain', 'data-category': 'analytics' }, 'classic'],
    [{ type: 'text/template' }, 'markup'],
    [{ type: 'text/x-template' }, 'markup'],
    [{ type: 'text/html' }, 'markup'],
    [{ type: 'text/x-handlebars-template' }, 'markup'],
  ])('classifies <script %j> as %s', (attributes, kind) => {
    expect(scriptKind(attributes as Record<string, string>)).toBe(kind);
  });
});
