// A local ESLint rule in the spirit of VS Code's code-layering rule: the folder a file lives in
// says what it may import (ARCHITECTURE.md's layer table). Relative imports are resolved against
// the importing file, so `../store/x.js` from src-main/core is caught whatever its spelling.
import path from 'node:path';

/** Longest prefix wins: `src-main/core/` before `src-main/`. */
function layerOf(file, layers, root) {
  const relative = path.relative(root, file).split(path.sep).join('/');
  let best;
  for (const layer of layers) {
    if ((relative === layer.folder || relative.startsWith(`${layer.folder}/`)) && (!best || layer.folder.length > best.folder.length)) best = layer;
  }
  return best;
}

export function layersPlugin({ root, layers }) {
  const byName = new Map(layers.map((layer) => [layer.name, layer]));
  return {
    rules: {
      imports: {
        meta: { type: 'problem', schema: [], messages: { forbidden: '{{from}} must not import {{to}} ({{source}}): see the layer table in ARCHITECTURE.md' } },
        create(context) {
          const from = layerOf(context.filename, layers, root);
          if (!from) return {};
          const check = (node, source) => {
            if (typeof source !== 'string' || !source.startsWith('.')) return;
            const target = layerOf(path.resolve(path.dirname(context.filename), source), layers, root);
            if (!target || target.name === from.name || from.allow.includes(target.name)) return;
            context.report({ node, messageId: 'forbidden', data: { from: from.name, to: target.name, source } });
          };
          return {
            ImportDeclaration: (node) => { check(node, node.source.value); },
            ExportNamedDeclaration: (node) => { if (node.source) check(node, node.source.value); },
            ExportAllDeclaration: (node) => { check(node, node.source.value); },
            ImportExpression: (node) => { if (node.source.type === 'Literal') check(node, node.source.value); },
          };
        },
      },
    },
    layerNames: [...byName.keys()],
  };
}
