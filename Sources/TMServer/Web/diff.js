// tm web page: the word and character diff of a query against a memory match.

import { el } from './dom.js';

export function tokenize(text) {
  return text.match(/[\p{Script=Latin}\p{N}'’]+|\s+|[\s\S]/gu) || [];
}

export const comparable = (token) => token.normalize('NFKC').toLowerCase().replace(/’/g, "'");

/** Operations turning `query` into `match`: same, ins (only in the query), del (only in the match). */
export function diff(query, match) {
  const a = tokenize(query);
  const b = tokenize(match);
  const ka = a.map(comparable);
  const kb = b.map(comparable);
  let start = 0;
  while (start < a.length && start < b.length && ka[start] === kb[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && ka[endA - 1] === kb[endB - 1]) { endA--; endB--; }
  const n = endA - start;
  const m = endB - start;
  const ops = [];
  const push = (type, text) => {
    const last = ops[ops.length - 1];
    if (last && last.type === type) last.text += text;
    else ops.push({ type, text });
  };
  for (let i = 0; i < start; i++) push('same', b[i]);
  if (n * m > 4000000) {
    for (let i = start; i < endA; i++) push('ins', a[i]);
    for (let j = start; j < endB; j++) push('del', b[j]);
  } else {
    const width = m + 1;
    const table = new Uint32Array((n + 1) * width);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        table[i * width + j] = ka[start + i] === kb[start + j]
          ? table[(i + 1) * width + j + 1] + 1
          : Math.max(table[(i + 1) * width + j], table[i * width + j + 1]);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (ka[start + i] === kb[start + j]) { push('same', b[start + j]); i++; j++; }
      else if (table[(i + 1) * width + j] >= table[i * width + j + 1]) { push('ins', a[start + i]); i++; }
      else { push('del', b[start + j]); j++; }
    }
    while (i < n) push('ins', a[start + i++]);
    while (j < m) push('del', b[start + j++]);
  }
  for (let j = endB; j < b.length; j++) push('same', b[j]);
  return ops;
}

export function renderDiff(query, match) {
  const fragment = document.createDocumentFragment();
  for (const op of diff(query, match)) {
    if (op.type === 'same') fragment.append(op.text);
    else if (op.type === 'ins') fragment.append(el('ins', { title: 'In your query, not in the memory', text: op.text }));
    else fragment.append(el('del', { title: 'In the memory, not in your query', text: op.text }));
  }
  return fragment;
}
