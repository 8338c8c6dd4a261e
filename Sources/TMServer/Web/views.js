// tm web page: the views and the address bar — which view the hash names (#search, #check, #align, #article), showing
// it, and the query parameters a view keeps in the URL so a link carries the work. Calls no API route.
import { $, $$ } from './dom.js';

const VIEWS = ['search', 'check', 'align', 'article'];

export function currentView() {
  const name = location.hash.replace('#', '');
  return VIEWS.includes(name) ? name : 'search';
}

export function showView(focus = true) {
  const name = currentView();
  for (const view of $$('.view')) view.hidden = view.dataset.view !== name;
  for (const link of $$('.tabs a')) {
    if (link.dataset.view === name) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  document.title = { search: 'Search', check: 'Check a draft', align: 'Align', article: 'Article' }[name] + ' — tm';
  if (focus) {
    const target = { search: '#q', check: '#draft', align: '#align-ko', article: '#article-ko' }[name];
    const node = $(target);
    if (node && !node.value) node.focus({ preventScroll: true });
  }
}

export function setParameter(name, value) {
  const url = new URL(location.href);
  if (value) url.searchParams.set(name, value);
  else url.searchParams.delete(name);
  history.replaceState(null, '', url.pathname + url.search + url.hash);
}
