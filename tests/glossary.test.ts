import { describe, expect, it } from 'vitest';
import { explainTerms } from '../src/lib/words/glossary.ts';

describe('terms explained where they appear', () => {
  const page = (body: string) => explainTerms(body, '/glossary/');
  it('turns the first use of a term in prose into a button, once per page, the punctuation held to it', () => {
    const out = page('<p>Разница в пределах случайных колебаний). Снова в пределах случайных колебаний.</p>');
    expect(out.match(/<button type="button" class="term[ "]/g)).toHaveLength(1);
    expect(out).toContain('<span class="term-w">в пределах случайных колебаний</span>).</button>');
  });
  it('leaves text without a term as it is, and a term in a heading or a link alone', () => {
    const plain = '<p>Обычный текст без терминов.</p>';
    expect(page(plain)).toBe(plain);
    const heading = '<h2>в пределах случайных колебаний</h2><a href="/x/">в пределах случайных колебаний</a>';
    expect(page(heading)).toBe(heading);
  });
  it("names the tests in the evidence of a flag card with their explanation, but not a flag's own label", () => {
    const out = page(
      '<ul class="flag-cards"><li><p><span class="flag">Низкие результаты</span></p><p>точный критерий Фишера, p = 0,01</p></li></ul>',
    );
    expect(out).toContain('popovertarget="term-fisher"');
    expect(page('<p><span class="flag">z-критерий</span></p>')).not.toContain('<button');
  });
  it('looks inside a term already explained for another it holds, and past the markup after the last term', () => {
    // «ГИА» stands inside «индекс ГИА»: the second paragraph is read although its «индекс ГИА» is explained already.
    const out = page('<p>индекс ГИА выше.</p><table><tr><td>1</td></tr></table><p>Снова индекс ГИА.</p><p>Конец.</p>');
    expect(out.match(/popovertarget="term-([a-z-]+)">/g)).toEqual(['popovertarget="term-gia-index">', 'popovertarget="term-gia">']);
    expect(out).toContain('<p>Конец.</p>');
    // A form in an attribute, a comment or a chart is no use of the term: the first in the text is.
    const later = page('<p title="ЕГЭ">текст</p><!-- ЕГЭ --><svg><text>ЕГЭ</text></svg><p>Итоги ЕГЭ.</p>');
    expect(later).toContain(
      '<p>Итоги <button type="button" class="term term-p" popovertarget="term-ege"><span class="term-w">ЕГЭ</span>.</button>',
    );
    expect(later).toMatch(/^<p title="ЕГЭ">текст<\/p><!-- ЕГЭ --><svg><text>ЕГЭ<\/text><\/svg>/);
  });
});
