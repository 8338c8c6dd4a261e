// tm web page: a thin client of the HTTP API (README, "HTTP API"). No framework, no build step.
// Views, one module each: #search (search.js, with the glossary term editor in term-editor.js), #check (check.js),
// #align (align.js), #article (article.js); views.js shows the one the hash names. This entry point catches the
// errors the page sees, wires the controls to the views and starts the work a link carries. It calls no API route
// itself. With ?selftest=1 it loads selftest.js, which drives every view and writes the outcome to #selftest-result.
import { $, $$, toast } from './dom.js';
import { forgetToken, showTokenState } from './api.js';
import { currentView, showView } from './views.js';
import { runSearchSoon, onSearchKey, onResultsKey } from './search.js';
import { openTermEditor, saveTerm, deleteTerm } from './term-editor.js';
import { runCheckSoon, checkedDraft, copyCorrected, applyCorrected } from './check.js';
import { runAlign, addPairs, showAlignTexts, originChanged, readFileInto } from './align.js';
import { runArticle, runQA, downloadXLIFF, copyDraft } from './article.js';

// ---------- Errors seen by the page (the self-test reports them) ----------
const seenErrors = [];
window.addEventListener('error', (event) => {
  seenErrors.push('error: ' + (event.message || (event.target && event.target.src) || 'resource failed'));
}, true);
window.addEventListener('unhandledrejection', (event) => {
  const reason = event.reason;
  seenErrors.push('unhandled rejection: ' + (reason && reason.message ? reason.message : String(reason)));
});
document.addEventListener('securitypolicyviolation', (event) => {
  seenErrors.push('content security policy: ' + event.violatedDirective + ' ' + event.blockedURI);
});
const consoleError = console.error.bind(console);
console.error = (...args) => {
  seenErrors.push('console.error: ' + args.map(String).join(' '));
  consoleError(...args);
};

// ---------- Wiring ----------
function wire() {
  window.addEventListener('hashchange', () => showView(true));
  $('#token-forget').addEventListener('click', () => { forgetToken(); toast('Token forgotten'); });
  $('#token-cancel').addEventListener('click', () => $('#token-dialog').close(''));

  const q = $('#q');
  q.addEventListener('input', () => runSearchSoon());
  q.addEventListener('keydown', onSearchKey);
  $('#search-results').addEventListener('keydown', onResultsKey);
  for (const radio of $$('input[name="kind"]')) radio.addEventListener('change', () => runSearchSoon.now());
  $('#min-score').addEventListener('change', () => runSearchSoon.now());
  $('#add-term').addEventListener('click', () => openTermEditor(null, null));
  $('#term-form').addEventListener('submit', saveTerm);
  $('#term-cancel').addEventListener('click', () => $('#term-dialog').close('cancel'));
  $('#term-delete').addEventListener('click', deleteTerm);

  document.addEventListener('keydown', (event) => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    if (target.closest && target.closest('input, textarea, select, dialog, [contenteditable]')) return;
    event.preventDefault();
    if (currentView() !== 'search') location.hash = '#search';
    $('#q').focus();
    $('#q').select();
  });

  $('#draft').addEventListener('input', () => runCheckSoon());
  $('#check-run').addEventListener('click', () => runCheckSoon.now());
  $('#check-copy').addEventListener('click', copyCorrected);
  $('#check-apply').addEventListener('click', applyCorrected);

  $('#article-run').addEventListener('click', runArticle);
  $('#article-qa').addEventListener('click', runQA);
  $('#article-copy').addEventListener('click', copyDraft);
  $('#article-xliff').addEventListener('click', downloadXLIFF);

  $('#align-run').addEventListener('click', runAlign);
  $('#align-add').addEventListener('click', addPairs);
  $('#align-texts').addEventListener('click', () => showAlignTexts($('#align-inputs').hidden));
  $('#align-origin').addEventListener('input', originChanged);
  for (const zone of $$('[data-drop]')) {
    zone.addEventListener('dragover', (event) => { event.preventDefault(); zone.classList.add('over'); });
    zone.addEventListener('dragleave', () => zone.classList.remove('over'));
    zone.addEventListener('drop', (event) => {
      event.preventDefault();
      zone.classList.remove('over');
      const file = event.dataTransfer && event.dataTransfer.files && event.dataTransfer.files[0];
      readFileInto(file, zone.dataset.drop);
    });
  }
  for (const picker of $$('input[type="file"][data-target]')) {
    picker.addEventListener('change', () => readFileInto(picker.files[0], picker.dataset.target));
  }
}

/**
 * Links can carry the work: ?q= searches, ?draft= checks, ?ko=&en= aligns (?min= sets where beads are flagged),
 * ?article= analyzes an article (with &translation= also checks it).
 */
function applyParameters() {
  const params = new URLSearchParams(location.search);
  if (params.get('q')) {
    $('#q').value = params.get('q');
    runSearchSoon.now();
  }
  if (params.get('draft')) {
    $('#draft').value = params.get('draft');
    runCheckSoon.now();
  }
  if (params.get('article')) {
    $('#article-ko').value = params.get('article');
    if (params.get('translation')) {
      $('#article-en').value = params.get('translation');
      runQA();
    }
    runArticle();
  }
  if (params.get('min')) $('#align-min').value = params.get('min');
  if (params.get('ko') && params.get('en')) {
    $('#align-ko').value = params.get('ko');
    $('#align-en').value = params.get('en');
    runAlign();
  }
}

function start() {
  wire();
  showTokenState();
  const params = new URLSearchParams(location.search);
  if (!location.hash) history.replaceState(null, '', location.pathname + location.search + '#search');
  showView(!params.get('selftest'));
  if (params.get('selftest') === '1') {
    const page = { showView, openTermEditor, seenErrors, get checked() { return checkedDraft(); } };
    import('./selftest.js').then((module) => module.run(page));
  }
  else applyParameters();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
