// tm web page: the Article view — a Korean article analyzed sentence by sentence (POST /v1/documents/analyze),
// pre-translated to XLIFF (/v1/documents/pretranslate), and with its English checked pair by pair (/v1/documents/qa).
import { $, el, plural, copy } from './dom.js';
import { APIError, api, showAlert } from './api.js';
import { renderDiff } from './diff.js';

let analysis = null;

const BAND_CLASS = { '100': 'high', '95-99': 'high', '85-94': 'mid', '75-84': 'mid', '50-74': 'low', 'no match': 'none' };

/** The draft: each sentence's best match at 75 % or more, else the Korean as it stands, one a line. */
export function draftText() {
  if (!analysis) return '';
  return analysis.sentences.map((sentence) => {
    const best = sentence.matches[0];
    return best && best.score >= 75 ? best.target : sentence.text;
  }).join('\n');
}

export async function runArticle() {
  const text = $('#article-ko').value;
  showAlert($('#article-error'), null);
  if (!text.trim()) {
    showAlert($('#article-error'), new APIError(400, 'invalid_input', 'Paste a Korean article first.', 'text'));
    return;
  }
  $('#article-status').textContent = 'Analyzing…';
  try {
    analysis = await api('POST', '/v1/documents/analyze', { text });
  } catch (error) {
    analysis = null;
    showAlert($('#article-error'), error);
  }
  $('#article-status').textContent = '';
  renderArticle();
}

function renderArticle() {
  const rows = $('#article-rows');
  rows.replaceChildren();
  $('#article-panel').hidden = !analysis;
  $('#article-copy').disabled = !analysis;
  $('#article-xliff').disabled = !analysis;
  if (!analysis) return;
  const exact = analysis.bands.find((band) => band.band === '100');
  $('#article-summary').textContent =
    `${plural(analysis.total.sentences, 'sentence')}, ${plural(analysis.total.words, 'word')} · ` +
    analysis.bands.filter((band) => band.sentences > 0).map((band) => `${band.band}: ${band.sentences}`).join(' · ') +
    (exact && exact.sentences ? '' : ' · no exact match');
  for (const sentence of analysis.sentences) {
    const best = sentence.matches[0];
    const band = sentence.band;
    const names = sentence.terms.map((term) => el('li', { class: term.generated ? 'guess' : 'known' },
      el('span', { lang: 'ko', text: term.text }), ' → ',
      el('strong', { lang: 'en', text: term.english }),
      term.generated ? el('span', { class: 'meta', title: term.note, text: ' guess' }) : null));
    const numbers = sentence.numbers.map((number) => el('li', { class: 'number' },
      el('span', { lang: 'ko', text: number.text }), ' → ', el('strong', { lang: 'en', text: number.english })));
    const match = best
      ? el('div', { class: 'article-match' },
        el('span', { class: `score ${BAND_CLASS[band] || 'low'}`, 'aria-label': `score ${Math.floor(best.score)} percent`, text: `${Math.floor(best.score)}%` }),
        el('div', { class: 'match-target', lang: 'en', text: best.target }),
        best.score < 100 ? el('div', { class: 'match-source', lang: 'ko' }, renderDiff(sentence.text, best.source)) : null)
      : el('div', { class: 'article-match' }, el('p', { class: 'empty', text: 'No match in the memory' }));
    rows.append(el('li', { class: `article-row band-${BAND_CLASS[band] || 'low'}`, 'data-band': band },
      el('div', { class: 'article-source', lang: 'ko', text: sentence.text }),
      match,
      el('ul', { class: 'article-names', 'aria-label': 'Names and numbers' }, names, numbers),
      el('button', {
        type: 'button', class: 'icon-button', text: 'Copy', 'aria-label': `Copy the draft of sentence ${sentence.index + 1}`,
        onclick: () => copy(best && best.score >= 75 ? best.target : sentence.text, 'the sentence'),
      })));
  }
}

export async function downloadXLIFF() {
  const text = $('#article-ko').value;
  if (!text.trim()) return;
  try {
    const response = await fetch('/v1/documents/pretranslate', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text, format: 'xliff', name: 'article.txt' }),
    });
    if (!response.ok) {
      const data = await response.json().catch(() => null);
      const error = (data && data.error) || {};
      throw new APIError(response.status, error.code || `http_${response.status}`, error.message || `HTTP ${response.status}`, error.field);
    }
    const url = URL.createObjectURL(await response.blob());
    const link = el('a', { href: url, download: 'article.xlf' });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  } catch (error) {
    showAlert($('#article-error'), error instanceof APIError ? error : new APIError(0, 'network', 'The server could not be reached. Is tm serve still running?'));
  }
}

const QA_LABEL = {
  missing_term: 'Name missing', off_style: 'Off house style', number: 'Number', untranslated: 'Hangul left',
  unaligned: 'No counterpart', inconsistent: 'Memory differs',
};

export async function runQA() {
  const ko = $('#article-ko').value;
  const en = $('#article-en').value;
  showAlert($('#article-error'), null);
  if (!ko.trim() || !en.trim()) {
    showAlert($('#article-error'), new APIError(400, 'invalid_input', 'Paste the Korean article and its English translation to check it.', ko.trim() ? 'en' : 'ko'));
    return;
  }
  $('#article-status').textContent = 'Checking…';
  let report = null;
  try {
    report = await api('POST', '/v1/documents/qa', { ko, en });
  } catch (error) {
    showAlert($('#article-error'), error);
  }
  $('#article-status').textContent = '';
  const list = $('#qa-list');
  list.replaceChildren();
  $('#qa-panel').hidden = !report;
  if (!report) return;
  $('#qa-summary').textContent = report.issues.length
    ? `${plural(report.issues.length, 'issue')} in ${plural(report.pairs, 'pair')}` : `${plural(report.pairs, 'pair')}, no issue ✓`;
  for (const issue of report.issues) {
    list.append(el('li', { class: `qa-issue qa-${issue.kind}`, 'data-kind': issue.kind },
      el('span', { class: 'qa-kind', text: QA_LABEL[issue.kind] || issue.kind }),
      el('span', { class: 'meta', text: `pair ${issue.pair + 1}` }),
      el('div', { class: 'qa-message', text: issue.message }),
      issue.ko ? el('div', { class: 'qa-text', lang: 'ko', text: issue.ko }) : null,
      issue.en ? el('div', { class: 'qa-text', lang: 'en', text: issue.en }) : null));
  }
}

/** Copies the pre-translated draft of the analyzed article. */
export function copyDraft() {
  if (analysis) copy(draftText(), 'the draft');
}
