// tm web page: the self-test. With ?selftest=1 the page loads this module, which drives every view as a user would
// and writes the outcome to #selftest-result for the browser test (Tests/CLITests/WebPageTests.swift) to read. It is
// not part of the page's own script: app.js imports it only when asked, and hands it the few views' internals it
// checks (`page`).
import { $, $$ } from './dom.js';
import { APIError, api, write } from './api.js';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(condition, what, ms = 8000) {
  const until = Date.now() + ms;
  for (;;) {
    const value = condition();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

function type(node, text) {
  node.focus();
  node.value = text;
  node.dispatchEvent(new Event('input', { bubbles: true }));
}

export async function run(page) {
  const output = $('#selftest-result');
  const result = {
    done: false, search: false, fuzzy: false, romanize: false, keyboard: false, check: false, corrected: false,
    align: false, edit: false, added: false, term: false, errors: page.seenErrors, steps: [],
  };
  const publish = () => { output.textContent = JSON.stringify(result); };
  output.hidden = false;
  publish();
  const step = async (name, body) => {
    try {
      await body();
      result.steps.push(name + ': ok');
    } catch (error) {
      result.steps.push(`${name}: ${error && error.message ? error.message : error}`);
    }
    publish();
  };

  await step('search', async () => {
    location.hash = '#search';
    page.showView(false);
    type($('#q'), '김정은');
    const house = await waitFor(() => $$('#glossary-list .house').find((node) => node.textContent === 'Kim Jong-un'), 'Kim Jong-un');
    result.search = house.closest('.result').querySelector('.term-hangul').textContent === '김정은';
    const score = await waitFor(() => $('#match-list .match .score'), 'a fuzzy match');
    result.fuzzy = /^\d+%$/.test(score.textContent) && !!$('#match-list .match-source');
    result.fuzzyScore = score.textContent;
    result.fuzzyDiff = $$('#match-list ins, #match-list del').length > 0;
    const systems = await waitFor(() => ($$('#roman-list .result').length === 3 ? $$('#roman-list .system') : null), 'romanizations');
    result.romanize = systems.map((node) => node.textContent).join(',') === 'RR,MR,DPRK'
      && $$('#roman-list .roman-output').every((node) => node.textContent.length > 0);
    // Keyboard: ↓ from the box focuses the first result, ↓ again the second, Esc goes back.
    $('#q').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    const first = document.activeElement;
    first.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    const second = document.activeElement;
    second.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    result.keyboard = first.classList.contains('result') && second.classList.contains('result') && first !== second
      && document.activeElement === $('#q');
  });

  await step('check', async () => {
    location.hash = '#check';
    page.showView(false);
    type($('#draft'), 'Kim Jong Un met Vladimir Putin in Pyongyang.');
    $('#check-run').click();
    const mark = await waitFor(() => $('#check-output .issue-found'), 'an underlined name');
    const house = mark.parentElement.querySelector('.house-form');
    result.check = mark.textContent === 'Kim Jong Un' && !!house && house.textContent === 'Kim Jong-un'
      && getComputedStyle(mark).textDecorationLine.includes('underline');
    result.corrected = !!page.checked && page.checked.result.corrected.startsWith('Kim Jong-un met') && !$('#check-copy').disabled;
  });

  const ko = '김정은이 러시아를 방문한다. 날짜는 아직 정해지지 않았다.';
  const en = 'Kim Jong-un will visit Russia. The date has not been set yet.';
  await step('align', async () => {
    location.hash = '#align';
    page.showView(false);
    type($('#align-ko'), ko);
    type($('#align-en'), en);
    $('#align-run').click();
    await waitFor(() => $$('#bead-list .bead').length >= 2, 'two beads');
    result.align = $$('#bead-list .bead').length === 2 && $$('#bead-list .confidence').every((node) => /%$/.test(node.textContent));
    // Split the first bead (1:1 → 1:0 + 0:1), then merge it back.
    $('#bead-list .bead [data-action="split"]').click();
    const splitCount = $$('#bead-list .bead').length;
    $('#bead-list .bead [data-action="merge"]').click();
    result.edit = splitCount === 3 && $$('#bead-list .bead').length === 2 && $('#bead-list .bead').classList.contains('edited');
    for (const box of $$('#bead-list input[type="checkbox"]')) {
      if (!box.checked && !box.disabled) box.click();
    }
    $('#align-add').click();
    await waitFor(() => $('#add-status').dataset.added, 'the pairs to be added');
    const answer = await api('GET', '/v1/matches?q=' + encodeURIComponent('날짜는 아직 정해지지 않았다.') + '&min=100&limit=5');
    result.added = Number($('#add-status').dataset.added) === 2
      && answer.matches.some((match) => match.en === 'The date has not been set yet.');
  });

  await step('term', async () => {
    location.hash = '#search';
    page.showView(false);
    type($('#q'), '홍길동');
    const generated = await waitFor(() => $('#glossary-list .result[data-generated="true"]'), 'a generated entry');
    $$('button', generated).find((button) => button.textContent === 'Add to glossary').click();
    await waitFor(() => $('#term-dialog').open && $('#term-hangul').value === '홍길동', 'the term form');
    $('#term-variants').value = 'Hong Kil-tong';
    $('#term-save').click();
    await waitFor(() => !$('#term-dialog').open, 'the form to close');
    await waitFor(() => $$('#glossary-list .result[data-generated="false"] .house').some((node) => node.textContent === 'Hong Gil-dong'), 'the new entry');
    const answer = await api('GET', '/v1/glossary/lookup?q=' + encodeURIComponent('Hong Kil-tong'));
    result.term = answer.matches.some((match) => !match.generated && match.english === 'Hong Gil-dong' && match.via === 'variant');
  });

  await step('deleted', async () => {
    const term = await write('POST', '/v1/glossary/terms', { hangul: '삭제시험', english: 'Delete Test', kind: 'term' });
    await page.openTermEditor(term.id, null);
    await waitFor(() => $('#term-dialog').open && !$('#term-delete').hidden, 'the editor with Delete');
    $('#term-delete').click();
    await waitFor(() => $('#term-delete').textContent === 'Delete for good', 'the confirmation');
    $('#term-delete').click();
    await waitFor(() => !$('#term-dialog').open, 'the editor to close');
    let gone = false;
    try {
      await api('GET', `/v1/glossary/terms/${term.id}`);
    } catch (error) {
      gone = error instanceof APIError && error.status === 404;
    }
    result.deleted = gone;
  });

  result.done = true;
  publish();
}
