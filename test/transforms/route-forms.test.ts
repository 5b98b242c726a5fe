import { describe, expect, it } from 'vitest';
import { routeForms } from '../../scanners/transforms/route-forms.ts';
import { testContext } from './support.ts';

const context = testContext();
const route = (html: string) => routeForms(html, context);

describe('routeForms', () => {
  it.each([
    [
      'a relative action',
      '<form method="post" action="/contact">',
      '<form method="post" action="https://origin.example.ca/contact">',
    ],
    [
      'an action on the site host, keeping the query',
      '<form method=post action="https://www.example.ca/send?x=1#top">',
      '<form method=post action="https://origin.example.ca/send?x=1">',
    ],
    [
      "an AMP form's action-xhr, where the AMP runtime posts it (no action added, which AMP forbids)",
      '<form method="post" action-xhr="/contact" target="_top">',
      '<form method="post" action-xhr="https://origin.example.ca/contact" target="_top">',
    ],
    [
      'an action on another first-party host',
      '<form method="post" action="https://example.ca/send">',
      '<form method="post" action="https://origin.example.ca/send">',
    ],
    [
      'a plain-http same-site action',
      '<form method="post" action="http://www.example.ca/send">',
      '<form method="post" action="https://origin.example.ca/send">',
    ],
    [
      'a scheme-relative action',
      '<form method="post" action="//www.example.ca/send">',
      '<form method="post" action="https://origin.example.ca/send">',
    ],
    [
      'an uppercase method',
      '<FORM METHOD=POST ACTION=/send>',
      '<FORM METHOD=POST ACTION="https://origin.example.ca/send">',
    ],
    // Browsers do not trim the method: the check reads " POST " as POST, so the transform writes it the way browsers
    // read it.
    [
      'a padded method, spelled out',
      '<FORM METHOD=" POST " ACTION=/send>',
      '<FORM METHOD="post" ACTION="https://origin.example.ca/send">',
    ],
    [
      'an entity-padded method, spelled out',
      '<form method=&#32;post action=/send>',
      '<form method="post" action="https://origin.example.ca/send">',
    ],
    [
      'an entity-encoded action',
      '<form method="post" action="/send?a=1&amp;b=2">',
      '<form method="post" action="https://origin.example.ca/send?a=1&amp;b=2">',
    ],
    [
      'a missing action (the page itself)',
      '<form method="post">',
      '<form method="post" action="https://origin.example.ca/contact/">',
    ],
    [
      'an empty action (the page itself)',
      '<form method="post" action="">',
      '<form method="post" action="https://origin.example.ca/contact/">',
    ],
    [
      'an action without a value',
      '<form method="post" action>',
      '<form method="post" action="https://origin.example.ca/contact/">',
    ],
    [
      'a form inside <noscript>',
      '<noscript><form method="post" action="/send"></form></noscript>',
      '<noscript><form method="post" action="https://origin.example.ca/send"></form></noscript>',
    ],
  ])('routes a POST form with %s to the origin', (_, before, after) => {
    expect(route(before)).toBe(after);
  });

  it('routes a POST form and a posting button of a markup template, in the template text', () => {
    const html =
      '<script type="text/x-template"><form method="post" action="/send"></form><form id="f" action="/s"><button formmethod="post">Go</button></form></script>';
    expect(route(html)).toBe(
      '<script type="text/x-template"><form method="post" action="https://origin.example.ca/send"></form>' +
        '<form id="f" action="/s"><button formmethod="post" formaction="https://origin.example.ca/s">Go</button></form></script>',
    );
  });

  it('resolves a relative action against <base href>', () => {
    const html = '<base href="/forms/"><form method="post" action="send">';
    expect(route(html)).toBe('<base href="/forms/"><form method="post" action="https://origin.example.ca/forms/send">');
  });

  it('routes a submit button formaction that posts', () => {
    const html =
      '<form method="post" action="https://origin.example.ca/contact"><button formaction="/subscribe">S</button></form>';
    expect(route(html)).toBe(
      '<form method="post" action="https://origin.example.ca/contact"><button formaction="https://origin.example.ca/subscribe">S</button></form>',
    );
  });

  it('keeps a button in the form a browser submits after </a> closed the form element early, and in none after any </form> (a button outside a form submits nothing)', () => {
    const html =
      '<a href=/x><form method=post action="https://origin.example.ca/a"></a><button formaction=/b>B</button></form><button formaction=/c formmethod=post>C</button>';
    expect(route(html)).toBe(
      '<a href=/x><form method=post action="https://origin.example.ca/a"></a><button formaction="https://origin.example.ca/b">B</button></form><button formaction=/c formmethod=post>C</button>',
    );
    const closedEarly =
      '<a href=/x><form method=post action="https://origin.example.ca/a"></a></form><button formaction=/b>B</button>';
    expect(route(closedEarly)).toBe(closedEarly);
  });

  it('routes an <input type=submit> formaction and one owned through form="id"', () => {
    const html =
      '<form id="f" method="post" action="https://origin.example.ca/a"></form><input type=submit form=f formaction=/b>';
    expect(route(html)).toBe(
      '<form id="f" method="post" action="https://origin.example.ca/a"></form><input type=submit form=f formaction="https://origin.example.ca/b">',
    );
  });

  it('reads a submit button\'s type untrimmed, as browsers do: a " reset" button posts, a " submit" input is a text field', () => {
    const html =
      '<form action="/s"><button type=" reset" formmethod=post formaction=/b>R</button><input type=" submit" formmethod=post formaction=/c></form>';
    expect(route(html)).toBe(
      '<form action="/s"><button type=" reset" formmethod=post formaction="https://origin.example.ca/b">R</button><input type=" submit" formmethod=post formaction=/c></form>',
    );
  });

  it('spells out the padded formmethod of a button it routes', () => {
    const html = '<form action="/s"><button formmethod=" post" formaction="/b">B</button></form>';
    expect(route(html)).toBe(
      '<form action="/s"><button formmethod="post" formaction="https://origin.example.ca/b">B</button></form>',
    );
  });

  it('spells out the padded method of a form whose button it routes, even when the form posts elsewhere', () => {
    const html = '<form method="post " action="https://forms.other.org/x"><button formaction="/b">B</button></form>';
    expect(route(html)).toBe(
      '<form method="post" action="https://forms.other.org/x"><button formaction="https://origin.example.ca/b">B</button></form>',
    );
  });

  it('spells out a padded method once when the form and its button are both routed', () => {
    const html = '<form method=" post" action="/a"><button formaction="/b">B</button></form>';
    const once = route(html);
    expect(once).toBe(
      '<form method="post" action="https://origin.example.ca/a"><button formaction="https://origin.example.ca/b">B</button></form>',
    );
    expect(route(once)).toBe(once);
  });

  it('gives a POST button in a GET form its own formaction on the origin', () => {
    const html = '<form action="/search"><button formmethod="post">Save</button><button>Search</button></form>';
    expect(route(html)).toBe(
      '<form action="/search"><button formmethod="post" formaction="https://origin.example.ca/search">Save</button><button>Search</button></form>',
    );
  });

  it.each([
    ['a GET form', '<form action="/search"><input name="q"></form>'],
    ['a form without method', '<form action="/send">'],
    ['a POST form already on the origin', '<form method="post" action="https://origin.example.ca/contact">'],
    ['a POST form to a third party (the check reports it)', '<form method="post" action="https://forms.other.org/x">'],
    ['a padded-method POST form to a third party', '<form method=" post" action="https://forms.other.org/x">'],
    [
      'a padded-method POST form already on the origin',
      '<form method=" post" action="https://origin.example.ca/contact">',
    ],
    ['a dialog form', '<form method="dialog">'],
    ['a mailto: form', '<form method="post" action="mailto:hi@example.ca">'],
    [
      'a GET button formaction in a POST form',
      '<form method="post" action="https://origin.example.ca/a"><button formmethod="get" formaction="/search">S</button></form>',
    ],
    ['a reset button', '<form action="/a"><button type="reset" formmethod="post" formaction="/b">R</button></form>'],
    [
      'a button whose invalid formmethod means GET, as the check reads it',
      '<form method="post" action="https://origin.example.ca/a"><button formmethod="put" formaction="/search">S</button></form>',
    ],
    ['a form written as text in a <textarea>', '<textarea><form method="post" action="/send"></textarea>'],
  ])('leaves %s byte-identical', (_, html) => {
    expect(route(html)).toBe(html);
  });

  it('does nothing when no origin is configured', () => {
    const html = '<form method="post" action="/send">';
    expect(routeForms(html, testContext({ origin: undefined }))).toBe(html);
  });

  it('changes nothing on a second run', () => {
    const once = route(
      '<form method="post"><button formaction="/b">B</button></form><form action=/s><input type=image formmethod=post>',
    );
    expect(route(once)).toBe(once);
  });
});
