import zlib from 'node:zlib';

// Just enough of a PDF reader for the tests: the text of the PDFs that pdfkit writes (objects in
// clear, streams deflated, Type0 fonts with Identity-H and a ToUnicode map, text shown with Tj and
// TJ in hex). Each page's text, fonts resolved per page so two subsets cannot be confused.

type TObj = { dict: string; stream: Buffer | null };

function readObjects(pdf: Buffer): Map<number, TObj> {
  // Objects by the offsets of the cross-reference table; a stream is exactly /Length bytes long.
  const latin = pdf.toString('latin1');
  const xrefAt = Number(/startxref\s+(\d+)/.exec(latin.slice(-64))![1]);
  const table = /^xref\s+(\d+)\s+(\d+)\s+/.exec(latin.slice(xrefAt))!;
  const first = Number(table[1]);
  const count = Number(table[2]);
  const entries = latin
    .slice(xrefAt + table[0].length)
    .split(/\r?\n|\r/)
    .filter(Boolean)
    .slice(0, count);
  const objects = new Map<number, TObj>();
  entries.forEach((entry, i) => {
    const [offset, , type] = entry.trim().split(/\s+/);
    if (type !== 'n') return;
    const at = Number(offset);
    const head = /^(\d+) 0 obj\s*/.exec(latin.slice(at, at + 32))!;
    const bodyAt = at + head[0].length;
    const streamAt = latin.indexOf('stream', bodyAt);
    const endAt = latin.indexOf('endobj', bodyAt);
    if (streamAt < 0 || streamAt > endAt) {
      objects.set(first + i, { dict: latin.slice(bodyAt, endAt), stream: null });
      return;
    }
    const dict = latin.slice(bodyAt, streamAt);
    let start = streamAt + 'stream'.length;
    if (latin[start] === '\r') start += 1;
    if (latin[start] === '\n') start += 1;
    const length = Number(/\/Length\s+(\d+)/.exec(dict)![1]);
    const raw = pdf.subarray(start, start + length);
    objects.set(first + i, { dict, stream: /\/FlateDecode/.test(dict) ? zlib.inflateSync(raw) : raw });
  });
  return objects;
}

const ref = (dict: string, key: string) => {
  const m = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dict);
  return m ? Number(m[1]) : null;
};

/** code (hex, as in the content stream) → text, from a ToUnicode CMap. */
function readCMap(text: string): Map<string, string> {
  const map = new Map<string, string>();
  const utf16 = (hex: string) => Buffer.from(hex.replace(/\s+/g, ''), 'hex').swap16().toString('utf16le');
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const p of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]+)>/g))
      map.set(p[1]!.toLowerCase(), utf16(p[2]!));
  }
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const r of block[1]!.matchAll(
      /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F\s]+>)/g,
    )) {
      const lo = parseInt(r[1]!, 16);
      const hi = parseInt(r[2]!, 16);
      const width = r[1]!.length;
      const dest = r[3]!;
      if (dest.startsWith('[')) {
        const items = [...dest.matchAll(/<([0-9a-fA-F\s]+)>/g)].map((x) => x[1]!);
        items.forEach((hex, i) => map.set((lo + i).toString(16).padStart(width, '0'), utf16(hex)));
      } else {
        const base = Buffer.from(dest.slice(1, -1), 'hex');
        for (let code = lo; code <= hi; code += 1) {
          const b = Buffer.from(base);
          b.writeUInt16BE(b.readUInt16BE(b.length - 2) + (code - lo), b.length - 2);
          map.set(code.toString(16).padStart(width, '0'), b.swap16().toString('utf16le'));
        }
      }
    }
  }
  return map;
}

/** The text of every page, in content order (words of one line joined; lines by "\n"). */
export function pdfPageTexts(pdf: Buffer): string[] {
  const objects = readObjects(pdf);
  const pages = [...objects.values()].filter((o) => /\/Type\s*\/Page\b/.test(o.dict));
  const out: string[] = [];
  for (const page of pages) {
    let resources = page.dict;
    const resRef = ref(page.dict, 'Resources');
    if (resRef !== null) resources = objects.get(resRef)!.dict;
    const fonts = new Map<string, Map<string, string>>();
    const fontDict = /\/Font\s*<<([\s\S]*?)>>/.exec(resources)?.[1] ?? '';
    for (const f of fontDict.matchAll(/\/([A-Za-z0-9]+)\s+(\d+) 0 R/g)) {
      const toUnicode = ref(objects.get(Number(f[2]))!.dict, 'ToUnicode');
      fonts.set(
        f[1]!,
        toUnicode === null
          ? new Map<string, string>()
          : readCMap(objects.get(toUnicode)!.stream!.toString('latin1')),
      );
    }
    const contentRefs = (() => {
      const one = ref(page.dict, 'Contents');
      if (one !== null) return [one];
      const arr = /\/Contents\s*\[([^\]]*)\]/.exec(page.dict)?.[1] ?? '';
      return [...arr.matchAll(/(\d+) 0 R/g)].map((x) => Number(x[1]));
    })();
    let text = '';
    for (const id of contentRefs) {
      const content = objects.get(id)!.stream!.toString('latin1');
      let cmap = new Map<string, string>();
      const ops = /\/([A-Za-z0-9]+)\s+[\d.]+\s+Tf|(\[(?:[^\]]*)\]\s*TJ|<[0-9a-fA-F]*>\s*Tj)|(BT)|(ET)/g;
      for (let m = ops.exec(content); m; m = ops.exec(content)) {
        if (m[1]) cmap = fonts.get(m[1]) ?? new Map<string, string>();
        else if (m[2]) {
          for (const h of m[2].matchAll(/<([0-9a-fA-F]*)>/g)) {
            const hex = h[1]!.toLowerCase();
            for (let i = 0; i < hex.length; i += 4) text += cmap.get(hex.slice(i, i + 4)) ?? '\uFFFD';
          }
          text += ' ';
        } else if (m[4]) text += '\n';
      }
    }
    out.push(text.replace(/ +\n/g, '\n'));
  }
  return out;
}
