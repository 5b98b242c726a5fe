import { describe, expect, it } from 'vitest';
import type { Finding } from '../../scanners/report.ts';
import { locateFinding, type SourceText, sourceNeedles } from '../../scanners/sources/locate.ts';
import { orderSources, pagePathname } from '../../scanners/sources/project.ts';
import { addSources, sourceFirst } from '../../scanners/sources/report.ts';

const youtube: Finding = {
  ruleId: 'embeds/third-party-player',
  category: 'embeds',
  severity: 'error',
  file: 'services/index.html',
  line: 14,
  column: 1,
  message: 'Page embeds a YouTube player from www.youtube.com; host the video on Bunny Stream.',
  url: 'https://www.youtube.com/embed/abc?si=x&t=1',
  host: 'www.youtube.com',
  evidence: '<iframe title="Reel" src="https://www.youtube.com/embed/abc?si=x&amp;t=1">',
  policy: '/privacy/#video',
};

const mdx: SourceText = {
  file: 'content/pages/services.mdx',
  text: '---\ntitle: Services\n---\n\n## Video\n\n<iframe title="Reel" src="https://www.youtube.com/embed/abc?si=x&t=1"></iframe>\n',
};
const layout: SourceText = { file: 'src/layouts/Base.astro', text: '<footer>www.youtube.com</footer>\n' };

describe('locateFinding', () => {
  it('finds the entity-decoded attribute value in the MDX entry, at the start of its tag', () => {
    expect(locateFinding(youtube, [layout, mdx])).toEqual({ file: 'content/pages/services.mdx', line: 7, column: 1 });
  });

  it('prefers a source with the whole URL over an earlier one that names only the host', () => {
    expect(locateFinding(youtube, [layout, mdx])?.file).toBe('content/pages/services.mdx');
    expect(locateFinding(youtube, [layout])).toEqual({ file: 'src/layouts/Base.astro', line: 1, column: 9 });
  });

  it('points at the tag a multi-line attribute list opens', () => {
    const component = {
      file: 'src/components/Video.astro',
      text: '<p>Hi</p>\n<iframe\n  src="https://www.youtube.com/embed/abc?si=x&t=1"\n/>',
    };
    expect(locateFinding(youtube, [component])).toEqual({ file: component.file, line: 2, column: 1 });
  });

  it('finds a Markdown link by its URL, where no tag holds it', () => {
    const link = {
      ...youtube,
      evidence: '<a href="https://vimeo.com/1">',
      url: 'https://vimeo.com/1',
      host: 'vimeo.com',
    };
    const post = { file: 'content/posts/a.md', text: 'See <b>this</b> [film](https://vimeo.com/1).\n' };
    expect(locateFinding(link, [post])).toEqual({ file: post.file, line: 1, column: 24 });
  });

  it('gives no location when no source has the markup', () => {
    expect(locateFinding(youtube, [{ file: 'src/pages/index.astro', text: '<h1>Home</h1>' }])).toBeUndefined();
    expect(sourceNeedles({ ...youtube, url: undefined, host: undefined, evidence: undefined })).toEqual([]);
  });
});

describe('orderSources', () => {
  const sources: SourceText[] = [
    { file: 'content/pages/about.mdx', text: '' },
    { file: 'content/pages/services.mdx', text: '' },
    { file: 'public/widget.html', text: '' },
    { file: 'src/layouts/Base.astro', text: '' },
    { file: 'src/pages/[slug].astro', text: '' },
  ];
  const order = (builtFile: string, entrypoint?: string) =>
    orderSources(sources, { builtFile, entrypoint, publicDir: 'public' }).map((source) => source.file);

  it('puts the entry named like the page first, then the route, then the rest', () => {
    expect(order('services/index.html', 'src/pages/[slug].astro')).toEqual([
      'content/pages/services.mdx',
      'src/pages/[slug].astro',
      'content/pages/about.mdx',
      'public/widget.html',
      'src/layouts/Base.astro',
    ]);
  });

  it('puts a file copied from public/ first for that built file', () => {
    expect(order('widget.html')[0]).toBe('public/widget.html');
  });

  it('maps built files to the paths they are served at', () => {
    expect([pagePathname('index.html'), pagePathname('news/a/index.html'), pagePathname('404.html')]).toEqual([
      '/',
      '/news/a/',
      '/404',
    ]);
  });
});

describe('sourceFirst', () => {
  const report = {
    version: 1 as const,
    tool: { name: 'nospy' as const, version: '9.9.9' },
    root: '/abs/dist',
    summary: { files: 2, errors: 2, warnings: 0 },
    findings: [youtube, { ...youtube, file: 'about/index.html', line: 3 }],
  };

  it('places each located finding at its source and names the built file on the next line of the message', () => {
    const located = addSources(report, (finding) =>
      finding.file === 'services/index.html' ? { file: mdx.file, line: 7, column: 1 } : undefined,
    );
    const view = sourceFirst(located, 'dist');
    expect(view.root).toBe('');
    expect(view.findings.map(({ file, line, message }) => [file, line, message.split('\n')[1]])).toEqual([
      ['content/pages/services.mdx', 7, 'built: dist/services/index.html:14:1'],
      ['dist/about/index.html', 3, undefined],
    ]);
  });

  it('folds what one source line causes on several pages into one finding naming how many more', () => {
    const pages = ['a/index.html', 'b/index.html', 'c/index.html'].map((file) => ({ ...youtube, file }));
    const layout = { file: 'src/layouts/Base.astro', line: 13, column: 5 };
    const view = sourceFirst(
      addSources({ ...report, findings: pages }, () => layout),
      'dist',
    );
    expect(view.findings).toHaveLength(1);
    expect(view.findings[0]!.message.split('\n')[1]).toBe('built: dist/a/index.html:14:1 and 2 more pages');
    expect(view.summary.errors).toBe(2);
  });
});
