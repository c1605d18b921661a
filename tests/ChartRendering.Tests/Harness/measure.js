// Draws every figure of window.FIGURES with the plotly.js loaded by the page, measures what a reader would see
// (boxes of tick labels, titles, legend, annotations, plot areas, table cells) and writes it as JSON into
// <pre id="result">, which the test reads back from Chromium's --dump-dom. Judging is the test's job, not this file's.
(async function () {
  const out = { plotly: Plotly.version, figures: [] };
  const box = (el, origin) => {
    const r = el.getBoundingClientRect();
    return { x: r.left - origin.left, y: r.top - origin.top, w: r.width, h: r.height };
  };
  const texts = (root, selector, origin) => Array.from(new Set(root.querySelectorAll(selector)))
    .filter(t => t.getBoundingClientRect().width > 0)
    .map(t => Object.assign({ text: t.textContent, cls: (t.parentNode.getAttribute('class') || '') }, box(t, origin)));
  for (const figure of window.FIGURES) {
    const div = document.createElement('div');
    div.style.width = figure.width + 'px';
    document.body.appendChild(div);
    const result = { name: figure.name, errors: [] };
    try {
      await Plotly.newPlot(div, figure.figure.data, figure.figure.layout, figure.figure.config);
      const svg = div.querySelector('svg.main-svg');
      const origin = svg.getBoundingClientRect();
      result.svg = { x: 0, y: 0, w: origin.width, h: origin.height };
      result.plots = Array.from(div.querySelectorAll('.draglayer .nsewdrag')).map(r => box(r, origin));
      result.yticks = texts(div, 'g.yaxislayer-above text', origin);
      result.xticks = texts(div, 'g.xaxislayer-above text', origin);
      result.titles = texts(div, '.g-gtitle text, .infolayer > g[class^="g-x"] text, .infolayer > g[class^="g-y"] text', origin);
      result.annotations = texts(div, '.annotation-text-g text', origin);
      result.pointTexts = texts(div, '.scatterlayer .textpoint text', origin); // marker text, drawn unclipped
      const legend = div.querySelector('g.legend');
      result.legend = legend && legend.getBoundingClientRect().width > 0 ? box(legend, origin) : null;
      const size = div._fullLayout._size;
      result.tables = (figure.figure.data || []).filter(t => t.type === 'table').map((t, i) => {
        const element = div.querySelectorAll('g.table')[i];
        const y0 = size.t + size.h * (1 - t.domain.y[1]), y1 = size.t + size.h * (1 - t.domain.y[0]);
        const columns = element ? Array.from(element.querySelectorAll('g.y-column')) : [];
        const first = columns.length ? columns[0] : null;
        const cellTexts = first ? Array.from(first.querySelectorAll('g.column-block'))
          .filter(b => b.id === 'cells1' || b.id === 'cells2' || (b.id || '').startsWith('cells'))
          .flatMap(b => Array.from(b.querySelectorAll('text.cell-text')))
          .filter(e => e.getBoundingClientRect().height > 0)
          .map(e => Object.assign({ text: e.textContent }, box(e, origin))) : [];
        return { rows: t.cells.values[0].length, box: { x: size.l, y: y0, w: size.w, h: y1 - y0 }, cells: cellTexts };
      });
    } catch (e) {
      result.errors.push(String(e && e.stack || e));
    }
    out.figures.push(result);
  }
  document.getElementById('result').textContent = JSON.stringify(out);
})().catch(e => { document.getElementById('result').textContent = JSON.stringify({ fatal: String(e && e.stack || e) }); });
