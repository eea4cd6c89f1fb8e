/**
 * Streams an XML file as small records: every element at `depth` (the root is depth 0) whose name
 * is in `names` arrives whole, as a tree, once its end tag is read; nothing else is kept. Parsed
 * with saxes (a conforming streaming XML parser), so memory holds one chunk and one record.
 */
import { SaxesParser } from 'saxes';
import { textChunks } from './open-input.js';
import { ImportError, type Input } from './types.js';

export interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  text: string;
  children: XmlNode[];
}

export const child = (node: XmlNode, name: string) => node.children.find((c) => c.name === name);
/** The text of the first child called `name`, trimmed; '' when absent. */
export const textOf = (node: XmlNode, name: string) => child(node, name)?.text.trim() ?? '';

export async function* xmlRecords(input: Input, options: { label: string; root: string; depth: number; names: string[] }): AsyncGenerator<XmlNode> {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const ready: XmlNode[] = [];
  const open: XmlNode[] = [];
  let depth = -1;
  let sawRoot = false;
  let failure: Error | null = null;
  parser.on('error', (error) => {
    failure ??= new ImportError(`not a well-formed ${options.label} file: ${error.message}`);
  });
  parser.on('opentag', (tag) => {
    depth++;
    sawRoot = true;
    if (depth === 0 && tag.name !== options.root) {
      failure ??= new ImportError(`not a ${options.label} file: its root element is <${tag.name}>, not <${options.root}>`);
    }
    if (open.length || (depth === options.depth && options.names.includes(tag.name))) {
      const node: XmlNode = { name: tag.name, attributes: tag.attributes as Record<string, string>, text: '', children: [] };
      open.at(-1)?.children.push(node);
      open.push(node);
    }
  });
  const text = (t: string) => {
    const node = open.at(-1);
    if (node) node.text += t;
  };
  parser.on('text', text);
  parser.on('cdata', text);
  parser.on('closetag', () => {
    depth--;
    if (!open.length) return;
    const node = open.pop()!;
    if (!open.length) ready.push(node);
  });
  for await (const chunk of textChunks(input)) {
    parser.write(chunk);
    if (failure) throw failure;
    yield* ready.splice(0);
  }
  parser.close();
  if (failure) throw failure;
  if (!sawRoot) throw new ImportError(`not a ${options.label} file: it holds no XML element`);
  yield* ready.splice(0);
}
