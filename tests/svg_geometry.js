// The guarantees of the SVG swimlane diagram, measured on the drawing Chromium shows: evaluated in a page that
// has loaded one diagram, it returns {problems: [...], crossings: n}. Text extents come from getBBox.
((minGap) => {
  const svg = document.documentElement;
  const problems = [];
  const place = (element) => {
    const b = element.getBBox();
    const m = element.getCTM();
    const xs = [b.x * m.a + m.e, (b.x + b.width) * m.a + m.e];
    const ys = [b.y * m.d + m.f, (b.y + b.height) * m.d + m.f];
    return {left: Math.min(...xs), right: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys)};
  };
  const union = (boxes) => ({
    left: Math.min(...boxes.map((b) => b.left)), right: Math.max(...boxes.map((b) => b.right)),
    top: Math.min(...boxes.map((b) => b.top)), bottom: Math.max(...boxes.map((b) => b.bottom)),
  });
  const overlap = (a, b, slack) => a.left + slack < b.right && b.left + slack < a.right &&
                                   a.top + slack < b.bottom && b.top + slack < a.bottom;
  const gapBetween = (a, b) => Math.hypot(Math.max(0, a.left - b.right, b.left - a.right),
                                          Math.max(0, a.top - b.bottom, b.top - a.bottom));

  // A symbol as a shape: a rounded rectangle (its inner rectangle grown by its radius) or a diamond.
  const shapeOf = (element) => {
    const box = place(element);
    if (element.localName === "polygon") return {box, diamond: true};
    const r = Math.min(parseFloat(element.getAttribute("rx") || "0"), (box.bottom - box.top) / 2);
    return {box, diamond: false, r};
  };
  // Does the rectangle `rect` reach more than `slack` into the shape?
  const hits = (rect, shape, slack) => {
    const b = shape.box;
    if (!overlap(rect, b, slack)) return false;
    if (shape.diamond) {  // separating axes: x and y (done above), then the normals of the four edges
      const cx = (b.left + b.right) / 2, cy = (b.top + b.bottom) / 2;
      const hw = (b.right - b.left) / 2, hh = (b.bottom - b.top) / 2;
      const length = Math.hypot(hh, hw);
      for (const [sx, sy] of [[1, 1], [1, -1], [-1, 1], [-1, -1]]) {
        const nx = sx * hh / length, ny = sy * hw / length;  // outward normal of one edge
        const reach = hw * hh / length;  // distance from the centre to that edge
        const nearest = Math.min(
          ...[[rect.left, rect.top], [rect.right, rect.top], [rect.left, rect.bottom], [rect.right, rect.bottom]]
            .map(([x, y]) => (x - cx) * nx + (y - cy) * ny));
        if (nearest > reach - slack) return false;
      }
      return true;
    }
    const inner = {left: b.left + shape.r, right: b.right - shape.r, top: b.top + shape.r, bottom: b.bottom - shape.r};
    const dx = Math.max(0, inner.left - rect.right, rect.left - inner.right);
    const dy = Math.max(0, inner.top - rect.bottom, rect.top - inner.bottom);
    if (shape.r === 0) return overlap(rect, b, slack);
    return Math.hypot(dx, dy) < shape.r - slack;
  };

  // The lanes and the rows that no line may cross.
  const lanes = [...svg.querySelectorAll("rect.lane")].map(place);
  const borders = [...new Set(lanes.flatMap((lane) => [lane.left, lane.right]))];
  const bands = [...svg.querySelectorAll("rect.section-row, rect.lane-header")].map((e) => ({
    name: e.getAttribute("class"), box: place(e)}));

  // Symbols: each copy of a step in its lane, and the small end capsules in their step's first lane.
  const symbols = [];
  for (const copy of svg.querySelectorAll("g.performer")) {
    const lane = parseInt(copy.id.split("-lane-")[1], 10);
    symbols.push({id: copy.id, lane, ...shapeOf(copy.querySelector(".symbol"))});
  }
  for (const end of svg.querySelectorAll("g.end")) {
    const step = svg.getElementById(`step-${end.id.slice(4)}`).querySelector("g.performer");
    const lane = parseInt(step.id.split("-lane-")[1], 10);
    symbols.push({id: end.id, lane, ...shapeOf(end.querySelector(".symbol"))});
  }
  for (const symbol of symbols) {
    const lane = lanes[symbol.lane];
    if (symbol.box.left < lane.left + 0.5 || symbol.box.right > lane.right - 0.5) {
      problems.push(`${symbol.id} is not wholly inside lane ${symbol.lane}`);
    }
    bands.forEach((band) => { if (overlap(symbol.box, band.box, 0.5)) problems.push(`${symbol.id} covers a ${band.name}`); });
  }
  symbols.forEach((a, i) => symbols.slice(i + 1).forEach((b) => {
    if (overlap(a.box, b.box, 0.5)) problems.push(`${a.id} overlaps ${b.id}`);
  }));

  // Lines: every arrow (with the target its id names) and every join between a step's copies, as segments.
  const lines = [];
  const segmentsOf = (path) => {
    const numbers = path.getAttribute("d").split(/[\sML,]+/).filter((t) => t !== "").map(parseFloat);
    const points = [];
    for (let i = 0; i < numbers.length; i += 2) points.push([numbers[i], numbers[i + 1]]);
    return points.slice(1).map((end, i) => {
      const start = points[i];
      return {start, end, last: i === points.length - 2, vertical: start[0] === end[0],
              box: {left: Math.min(start[0], end[0]), right: Math.max(start[0], end[0]),
                    top: Math.min(start[1], end[1]), bottom: Math.max(start[1], end[1])}};
    });
  };
  for (const group of svg.querySelectorAll("g.arrow")) {
    lines.push({id: group.id, target: group.id.split("-to-")[1], arrow: true,
                segments: segmentsOf(group.querySelector("path.arrow-line"))});
  }
  for (const join of svg.querySelectorAll("path.join")) {
    const step = join.closest("g.step").id;
    lines.push({id: `join of ${step}`, step, target: null, arrow: false, segments: segmentsOf(join)});
  }
  for (const line of lines) {
    for (const segment of line.segments) {
      const {box} = segment;
      if (segment.vertical && box.bottom - box.top > 2 && borders.some((x) => Math.abs(box.left - x) < 2)) {
        problems.push(`${line.id} runs along a lane border at x=${box.left}`);
      }
      for (const band of bands) {
        if (overlap(box, band.box, 0)) problems.push(`${line.id} runs through a ${band.name}`);
      }
      for (const symbol of symbols) {
        if (line.step && symbol.id.startsWith(`${line.step}-lane-`)) continue;  // a join links its own copies
        if (hits(box, symbol, 0.5)) problems.push(`${line.id} runs through ${symbol.id}`);
      }
    }
  }
  // Two different lines never share a run, nor run closer than minGap side by side, nor meet end to side;
  // arrows into the same target may share their final run.
  let crossings = 0;
  lines.forEach((a, i) => lines.slice(i + 1).forEach((b) => {
    const joining = a.arrow && b.arrow && a.target === b.target && a.target !== "end";
    for (const s of a.segments) {
      for (const t of b.segments) {
        if (joining && s.last && t.last) continue;
        if (s.vertical === t.vertical) {
          const along = s.vertical ? [s.box.top, s.box.bottom, t.box.top, t.box.bottom]
                                   : [s.box.left, s.box.right, t.box.left, t.box.right];
          const shared = Math.min(along[1], along[3]) - Math.max(along[0], along[2]);
          const apart = s.vertical ? Math.abs(s.box.left - t.box.left) : Math.abs(s.box.top - t.box.top);
          if (apart < 1 && shared > -1) problems.push(`${a.id} and ${b.id} share a run`);
          else if (apart < minGap && shared > 2) {
            problems.push(`${a.id} and ${b.id} run ${apart.toFixed(1)} px apart`);
          }
          continue;
        }
        const [v, h] = s.vertical ? [s, t] : [t, s];
        const x = v.box.left, y = h.box.top;
        const inside = (value, low, high, slack) => value > low + slack && value < high - slack;
        if (inside(x, h.box.left, h.box.right, 1) && inside(y, v.box.top, v.box.bottom, 1)) crossings += 1;
        else if (inside(x, h.box.left, h.box.right, -1) && inside(y, v.box.top, v.box.bottom, -1)) {
          problems.push(`${a.id} and ${b.id} touch at (${x}, ${y})`);
        }
      }
    }
  }));

  // Labels: each arrow's label (its lines together) and each step number.
  const labels = [];
  for (const holder of svg.querySelectorAll("g.arrow-label")) {
    const group = holder.closest("g.arrow");
    labels.push({id: `label of ${group.id}`, owner: group.id, box: union([...holder.querySelectorAll("text")].map(place))});
  }
  for (const number of svg.querySelectorAll("g.number")) {
    labels.push({id: `number of ${number.closest("g.performer").id}`, owner: null,
                 box: union([...number.querySelectorAll("text")].map(place))});
  }
  const width = parseFloat(svg.getAttribute("width"));
  labels.forEach((label, i) => {
    if (label.box.left < 0 || label.box.right > width) problems.push(`${label.id} sticks out of the diagram`);
    labels.slice(i + 1).forEach((other) => {
      if (overlap(label.box, other.box, 0.5)) problems.push(`${label.id} overlaps ${other.id}`);
    });
    symbols.forEach((symbol) => { if (hits(label.box, symbol, 0.5)) problems.push(`${label.id} overlaps ${symbol.id}`); });
    bands.forEach((band) => { if (overlap(label.box, band.box, 0.5)) problems.push(`${label.id} overlaps a ${band.name}`); });
    lines.forEach((line) => {
      if (line.segments.some((segment) => overlap(label.box, segment.box, 0.5))) {
        problems.push(`${label.id} overlaps ${line.id}`);
      }
    });
  });
  // A branch label stands at the start of its own branch: beside its first run, at most a few pixels past where
  // the run leaves its symbol's outline box (a diamond's corner), and nearer its own arrow than any other line.
  for (const label of labels.filter((l) => l.owner !== null)) {
    const own = lines.find((line) => line.id === label.owner);
    const first = own.segments[0];
    const from = own.id.slice(6).split("-to-")[0];
    const symbol = symbols.find((s) => s.id.startsWith(`step-${from}-lane-`)).box;
    // Below a symbol, the labels beside its sides come first: a label under them starts its branch too.
    const above = labels.filter((other) => other !== label && other.owner && other.owner.startsWith(`arrow-${from}-to-`) &&
                                other.box.bottom <= label.box.top);
    const source = {...symbol, bottom: Math.max(symbol.bottom, ...above.map((other) => other.box.bottom))};
    const [dx, dy] = [Math.sign(first.end[0] - first.start[0]), Math.sign(first.end[1] - first.start[1])];
    const past = dx > 0 ? label.box.left - Math.max(first.start[0], source.right)
      : dx < 0 ? Math.min(first.start[0], source.left) - label.box.right
        : dy > 0 ? label.box.top - Math.max(first.start[1], source.bottom) : Math.min(first.start[1], source.top) - label.box.bottom;
    const beside = gapBetween(label.box, first.box);
    if (beside > 6 || past > 8) {
      problems.push(`${label.id} stands ${beside.toFixed(1)} px beside and ${past.toFixed(1)} px along its first run`);
    }
    for (const line of lines) {
      if (line === own) continue;
      if (Math.min(...line.segments.map((segment) => gapBetween(label.box, segment.box))) <= beside) {
        problems.push(`${label.id} stands as near ${line.id}`);
      }
    }
  }
  return {problems: [...new Set(problems)], crossings};
})
