// The fastest a content script can put something in a page: one static element, appended
// synchronously at document_start (bench/browser.bench.ts compares BanWatch's banner with it).
const mark = document.createElement('bench-reference-mark');
mark.textContent = 'reference';
document.documentElement.append(mark);
