/**
 * Words a parent may not know, explained where they appear: the glossary page
 * lists them all, and on every page the first use of each term becomes a
 * button that opens its explanation (the HTML popover: a tap on a phone, Enter
 * from the keyboard, no script). Russian text for people lives here, with the
 * word it explains.
 */
export interface Term {
  id: string;
  /** The word as the glossary lists it. */
  term: string;
  /** The forms found in text (case-sensitive for abbreviations). */
  forms: string[];
  text: string;
}

export const GLOSSARY: Term[] = [
  {
    id: 'gia',
    term: 'ГИА',
    forms: ['ГИА'],
    text: 'Государственная итоговая аттестация — выпускные экзамены 9 класса (ГИА-9: ОГЭ или ГВЭ) и 11 класса (ГИА-11: ЕГЭ или ГВЭ).',
  },
  {
    id: 'ege',
    term: 'ЕГЭ',
    forms: ['ЕГЭ'],
    text: 'Единый государственный экзамен — выпускной экзамен 11 класса. Результат — тестовый балл от 0 до 100; по базовой математике — отметка от «2» до «5». Нужен для аттестата и поступления в вуз.',
  },
  {
    id: 'oge',
    term: 'ОГЭ',
    forms: ['ОГЭ'],
    text: 'Основной государственный экзамен — выпускной экзамен 9 класса. Первичный балл за задания переводится в отметку от «2» до «5».',
  },
  {
    id: 'gve',
    term: 'ГВЭ',
    forms: ['ГВЭ'],
    text: 'Государственный выпускной экзамен — другая форма выпускного экзамена 9 и 11 классов: для детей с ограниченными возможностями здоровья и некоторых других выпускников. Оценивается отметкой; считается отдельно от ЕГЭ и ОГЭ.',
  },
  {
    id: 'vpr',
    term: 'ВПР',
    forms: ['ВПР'],
    text: 'Всероссийские проверочные работы — контрольные работы с едиными для всей страны заданиями в 4–8 и 10–11 классах. Показывают, что ученики усвоили, и помогают найти пробелы. Не предназначены для рейтингов школ и оценки учителей.',
  },
  {
    id: 'vsosh',
    term: 'ВсОШ',
    forms: ['ВсОШ'],
    text: 'Всероссийская олимпиада школьников. Этапы: школьный, муниципальный, региональный и заключительный; на следующий этап проходят лучшие.',
  },
  {
    id: 'sou',
    term: 'СОУ',
    forms: ['СОУ'],
    text: 'Степень обученности учащихся (по В. П. Симонову), в процентах: каждая «5» даёт 100, «4» — 64, «3» — 36, «2» — 16, и берётся среднее. 100\u00a0% — все написали на «5».',
  },
  {
    id: 'vtg',
    term: 'ВТГ',
    forms: ['ВТГ'],
    text: 'Выпускники текущего года — те, кто окончил 11 класс в этом году. Только их результаты входят в показатели ЕГЭ школ.',
  },
  {
    id: 'vpl',
    term: 'ВПЛ',
    forms: ['ВПЛ'],
    text: 'Выпускники прошлых лет, которые сдают ЕГЭ снова. В показатели школ не входят.',
  },
  { id: 'spo', term: 'СПО', forms: ['СПО'], text: 'Среднее профессиональное образование: колледжи и техникумы.' },
  {
    id: 'ovz',
    term: 'ОВЗ',
    forms: ['ОВЗ'],
    text: 'Ограниченные возможности здоровья: по заключению комиссии ребёнку нужны особые условия обучения и экзаменов.',
  },
  {
    id: 'pp',
    term: 'п. п.',
    forms: ['п.\u00a0п.', 'п. п.'],
    text: 'Процентный пункт — разница двух процентов. Если доля выросла с 40\u00a0% до 45\u00a0%, это рост на 5 п. п. (а не на 5\u00a0%).',
  },
  {
    id: 'primary-score',
    term: 'первичный балл',
    forms: ['первичный балл', 'первичного балла', 'первичных баллов', 'Первичный балл'],
    text: 'Сумма баллов за выполненные задания работы — до перевода в отметку или в тестовый балл.',
  },
  {
    id: 'test-score',
    term: 'тестовый балл',
    forms: ['тестовый балл', 'тестового балла', 'тестовых баллов', 'Тестовый балл'],
    text: 'Балл ЕГЭ по 100-балльной шкале, в который переводится первичный балл.',
  },
  {
    id: 'interval',
    term: 'доверительный интервал',
    forms: ['доверительный интервал', 'доверительного интервала', 'интервал'],
    text: 'Пределы, в которых с вероятностью 95\u00a0% лежит результат, не зависящий от случайного состава участников: в следующем выпуске — другие дети. Чем меньше группа, тем шире интервал. Пишется в скобках: «71,3 (69,8–72,8)».',
  },
  {
    id: 'chance',
    term: 'в пределах случайных колебаний',
    forms: ['в пределах случайных колебаний', 'случайных колебаний'],
    text: 'Разница так мала, что могла получиться случайно: результат маленькой группы меняется от выпуска к выпуску и без перемен в работе школы. Проверяется статистическим тестом; только если разница больше, сайт пишет «вырос», «ниже» и ставит цвет.',
  },
  {
    id: 'risk',
    term: 'зона риска',
    forms: ['зона риска', 'зоны риска', 'Зоны риска', 'зонах риска', 'зоне риска', 'Зона риска'],
    text: 'Сигнал для методической помощи школе: статистическое правило нашло различие больше случайных колебаний — низкие результаты, их снижение или признаки необъективности отметок. Это не оценка школы.',
  },
  {
    id: 'objectivity',
    term: 'объективность оценивания',
    forms: ['необъективности', 'Объективность', 'объективность', 'объективности'],
    text: 'Насколько школьные отметки совпадают с отметками за независимую работу (ВПР, ОГЭ, ЕГЭ). Если многие получили за работу ниже школьной, школьные отметки могут быть завышены; если выше — есть сомнения в проведении самой работы.',
  },
  {
    id: 'lowered',
    term: 'понизили',
    forms: ['понизили', 'Понизили'],
    text: 'Получили за экзамен или проверочную работу отметку ниже, чем в аттестате или журнале.',
  },
  {
    id: 'raised',
    term: 'повысили',
    forms: ['повысили', 'Повысили'],
    text: 'Получили за экзамен или проверочную работу отметку выше, чем в аттестате или журнале.',
  },
  {
    id: 'confirmed',
    term: 'подтвердили',
    forms: ['подтвердили', 'Подтвердили'],
    text: 'Получили за экзамен или проверочную работу ту же отметку, что в аттестате или журнале.',
  },
  {
    id: 'quality',
    term: 'качество знаний',
    forms: ['качество знаний', 'Качество знаний', 'качества знаний'],
    text: 'Доля участников, получивших «4» и «5».',
  },
  { id: 'success', term: 'успеваемость', forms: ['успеваемость', 'Успеваемость', 'успеваемости'], text: 'Доля участников без «2».' },
  {
    id: 'min-score',
    term: 'минимальный балл',
    forms: ['минимальный порог', 'минимального балла', 'минимальный балл', 'ниже минимума'],
    text: 'Наименьший тестовый балл ЕГЭ, который Рособрнадзор признаёт сдачей экзамена (например, 24 по русскому языку). Ниже него экзамен не сдан.',
  },
  {
    id: 'deficit',
    term: 'образовательный дефицит',
    forms: ['дефициты', 'дефицит', 'Дефициты', 'дефицитов'],
    text: 'Задание, которое в муниципалитете не освоено: выполнено менее чем на 50 % (базовый уровень) или на 15 % (повышенный и высокий) — условие ФИПИ; проверяемое им умение стоит отработать.',
  },
  {
    id: 'n',
    term: 'n',
    forms: ['n\u00a0=', 'n ='],
    text: 'Число участников, по которым посчитан результат. Меньше 5 — результат не публикуется, чтобы нельзя было узнать конкретных детей.',
  },
  {
    id: 'p-value',
    term: 'p (вероятность случайного совпадения)',
    forms: ['p\u00a0=', 'p =', 'p-value'],
    text: 'Вероятность получить такую или ещё большую разницу случайно, если на самом деле разницы нет. Меньше 0,05 — разница считается настоящей.',
  },
  {
    id: 'shnsu',
    term: 'ШНСУ',
    forms: ['ШНСУ'],
    text: 'Школы, функционирующие в неблагоприятных социальных условиях: индекс условий — в нижней четверти школ года. Описание условий, а не оценка школы.',
  },
  {
    id: 'shnor',
    term: 'ШНОР',
    forms: ['ШНОР'],
    text: 'Школы с низкими образовательными результатами: индекс результатов ГИА значимо ниже остальных школ два года подряд.',
  },
  {
    id: 'context-index',
    term: 'индекс условий',
    forms: ['индекс условий', 'Индекс условий', 'индекса условий'],
    text: 'Насколько благоприятны условия работы школы по её социальному паспорту (доли детей из малоимущих, неполных, многодетных семей, с неродным русским языком и др.): 100 — средние условия года, больше — благоприятнее.',
  },
  {
    id: 'gia-index',
    term: 'индекс результатов ГИА',
    forms: ['индекс результатов ГИА', 'индекс ГИА', 'Индекс ГИА', 'индекса ГИА'],
    text: 'Сводный результат школы по ЕГЭ и ОГЭ (средний балл, сдача выше минимума, успеваемость, качество знаний), каждая часть — в сравнении со средней по школам: 100 — типичная школа года.',
  },
  {
    id: 'withheld',
    term: 'не публикуется',
    forms: ['не публикуется', 'не публикуются'],
    text: 'Результат группы меньше порога конфиденциальности (обычно 5 человек) не показывается: по нему можно узнать результаты конкретных детей.',
  },
  {
    id: 'secondary',
    term: 'вторичное скрытие',
    forms: ['вторичное скрытие', 'вторичного скрытия', 'вычислить значение маленькой группы'],
    text: 'Значение большой группы тоже скрыто, если без этого скрытое значение маленькой группы можно было бы получить вычитанием: например, муниципальное значение минус все остальные школы.',
  },
];

/** Elements whose text is never turned into a term button: headings, links, controls, charts, code, hidden text. */
const SKIP = new Set(
  'a button h1 h2 h3 h4 h5 h6 script style svg textarea code select option summary label abbr title caption figcaption dt thead kbd'.split(
    ' ',
  ),
);
const VOID = new Set(['br', 'img', 'input', 'meta', 'link', 'hr', 'wbr', 'source', 'col', 'area', 'base', 'embed', 'track']);
const LETTER = /[A-Za-zА-Яа-яЁё0-9]/;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const PATTERNS = GLOSSARY.map((t) => ({ t, re: new RegExp(t.forms.map(escapeRe).join('|'), 'g') }));
/** Any form of any term: most text nodes have none, and one search tells so instead of one per term. */
const ANY = new RegExp(GLOSSARY.flatMap((t) => t.forms.map(escapeRe)).join('|'));
const ANY_ALL = new RegExp(ANY.source, 'g');

/** The popover of a term, placed right after its button. */
function popover(t: Term, glossary: string): string {
  return `<span id="term-${t.id}" popover class="term-pop" data-pagefind-ignore><button type="button" class="term-close" popovertarget="term-${t.id}" popovertargetaction="hide" aria-label="Закрыть пояснение">×</button><strong>${t.term}</strong> — ${t.text} <a href="${glossary}#${t.id}">Все термины</a></span>`;
}

/**
 * Turns the first use of each glossary term in the page's text into a button
 * that opens its explanation. Text in headings, links, controls, charts,
 * captions and hidden elements is left as it is.
 */
export function explainTerms(html: string, glossary: string): string {
  // Where a term may stand: a page is mostly tables and markup with none, whose text nodes need no look, and
  // nothing after the last of them needs one. (No form holds «<» or «>», so none runs across a tag.)
  const hits = [...html.matchAll(ANY_ALL)].map((m) => m.index);
  const used = new Set<string>();
  const stack: boolean[] = [];
  let skipping = false;
  let out = '';
  let copied = 0;
  let h = 0;
  // Scripts, styles and SVG go whole: their text is not prose (and a script may hold «<»). A «<» that opens no tag
  // only ends the text before it.
  const token = /<(script|style|svg)\b[\s\S]*?<\/\1>|<[^>]+>|</g;
  for (let at = 0; h < hits.length && used.size < GLOSSARY.length;) {
    const m = token.exec(html);
    const end = m ? m.index : html.length;
    while (h < hits.length && hits[h] < at) h++;
    if (!skipping && h < hits.length && hits[h] < end) {
      const text = html.slice(at, end);
      const explained = text.trim() ? explainText(text, used, glossary) : text;
      if (explained !== text) {
        out += html.slice(copied, at) + explained;
        copied = end;
      }
    }
    if (!m) break;
    at = token.lastIndex;
    const tag = m[0];
    if (m[1] || tag === '<') continue;
    const t = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)/.exec(tag);
    if (!t) continue;
    const name = t[2].toLowerCase();
    if (t[1]) {
      if (!VOID.has(name)) skipping = stack.pop() ?? false;
      continue;
    }
    if (VOID.has(name) || tag.endsWith('/>')) continue;
    stack.push(skipping);
    if (SKIP.has(name) || /\b(visually-hidden|term-pop|flag)\b/.test(tag) || /aria-hidden="true"|\bpopover\b|data-no-terms/.test(tag))
      skipping = true;
  }
  return copied === 0 ? html : out + html.slice(copied);
}

/** The terms of one text node not yet explained on the page, each at its first use, in the order they occur. */
function explainText(text: string, used: Set<string>, glossary: string): string {
  if (!ANY.test(text)) return text;
  let first: { t: Term; at: number; word: string } | undefined;
  for (const { t, re } of PATTERNS) {
    if (used.has(t.id)) continue;
    for (const m of text.matchAll(re)) {
      const before = text[m.index - 1];
      const after = text[m.index + m[0].length];
      // A whole word only: «ЕГЭ» in «ЕГЭ-2025» yes, «n» in «min» no.
      if ((before && LETTER.test(before)) || (after && LETTER.test(after) && !m[0].endsWith('='))) continue;
      if (!first || m.index < first.at) first = { t, at: m.index, word: m[0] };
      break;
    }
  }
  if (!first) return text;
  used.add(first.t.id);
  // The punctuation after the term goes inside its button, after the underlined word: Chromium breaks after a
  // button even at a word joiner («)» alone on a line), and a nowrap box would overflow a 320 px column.
  const stuck = /^[.,;:!?»)]*/.exec(text.slice(first.at + first.word.length))![0];
  const rest = text.slice(first.at + first.word.length + stuck.length);
  const word = stuck ? `<span class="term-w">${first.word}</span>${stuck}` : first.word;
  return `${text.slice(0, first.at)}<button type="button" class="term${stuck ? ' term-p' : ''}" popovertarget="term-${first.t.id}">${word}</button>${popover(first.t, glossary)}${explainText(rest, used, glossary)}`;
}
