import type { Finding } from '../../main/contract/review';
import { monaco } from '../monaco/setup';
import { rangeAt } from './ranges';

/**
 * Check findings in Monaco: squiggles (model markers, whose hover explains the finding) and quick fixes
 * (Ctrl/Cmd+. or the light bulb) that apply a fix as one undoable edit, ignore the finding here or in the
 * project, or turn it into an annotation. Marker messages are plain text, never markdown or HTML.
 */

export const MARKER_OWNER = 'calque.checks';
/** The spelling check's findings can also be answered by accepting the word in the project. */
export const SPELLING_RULE = 'qa.spelling';

export interface FindingHandlers {
  findings: readonly Finding[];
  describe: (f: Finding) => string;
  /** The title of a fix in the quick-fix menu and the problems panel. */
  fixLabel: (fix: Finding['fixes'][number]) => string;
  labels: { ignoreHere: string; ignoreRule: (rule: string) => string; annotate: string; addWord: (word: string) => string };
  onIgnore: (f: Finding, scope: 'here' | 'project') => void;
  /** Spelling findings: accept the word in the project's word list. */
  onAddWord: (f: Finding) => void;
  onAnnotate: (f: Finding) => void;
}

const handlers = new Map<string, FindingHandlers>();
let registered = false;

const SEVERITY: Record<Finding['severity'], monaco.MarkerSeverity> = {
  critical: monaco.MarkerSeverity.Error,
  major: monaco.MarkerSeverity.Warning,
  minor: monaco.MarkerSeverity.Info,
  hint: monaco.MarkerSeverity.Hint,
};

/** Show the findings of a model's text as markers and make its quick fixes available. */
export function showFindings(model: monaco.editor.ITextModel, h: FindingHandlers): void {
  ensureRegistered();
  handlers.set(model.uri.toString(), h);
  const markers = h.findings
    .filter((f) => f.side === 'target')
    .map((f) => {
      const r = rangeAt(model, f.start, Math.max(f.end, f.start + 1));
      return {
        severity: SEVERITY[f.severity],
        message: h.describe(f),
        source: f.category,
        code: f.rule,
        startLineNumber: r.startLineNumber,
        startColumn: r.startColumn,
        endLineNumber: r.endLineNumber,
        endColumn: r.endColumn,
      };
    });
  monaco.editor.setModelMarkers(model, MARKER_OWNER, markers);
}

export function clearFindings(model: monaco.editor.ITextModel): void {
  handlers.delete(model.uri.toString());
  if (!model.isDisposed()) monaco.editor.setModelMarkers(model, MARKER_OWNER, []);
}

/** The edits of a fix as Monaco edit operations (offsets of the current text). */
export function fixOperations(model: monaco.editor.ITextModel, fix: Finding['fixes'][number]): monaco.editor.IIdentifiedSingleEditOperation[] {
  return fix.edits.map((e) => ({ range: rangeAt(model, e.start, e.end), text: e.text, forceMoveMarkers: true }));
}

function ensureRegistered(): void {
  if (registered) return;
  registered = true;
  monaco.editor.registerCommand('calque.ignoreFinding', (_accessor, uri: string, index: number, scope: 'here' | 'project') => {
    const h = handlers.get(uri);
    const f = h?.findings[index];
    if (h && f) h.onIgnore(f, scope);
  });
  monaco.editor.registerCommand('calque.addWord', (_accessor, uri: string, index: number) => {
    const h = handlers.get(uri);
    const f = h?.findings[index];
    if (h && f) h.onAddWord(f);
  });
  monaco.editor.registerCommand('calque.annotateFinding', (_accessor, uri: string, index: number) => {
    const h = handlers.get(uri);
    const f = h?.findings[index];
    if (h && f) h.onAnnotate(f);
  });
  monaco.languages.registerCodeActionProvider('plaintext', {
    provideCodeActions(model, range) {
      const uri = model.uri.toString();
      const h = handlers.get(uri);
      if (!h) return { actions: [], dispose() {} };
      const from = model.getOffsetAt(range.getStartPosition());
      const to = model.getOffsetAt(range.getEndPosition());
      const actions: monaco.languages.CodeAction[] = [];
      h.findings.forEach((f, index) => {
        if (f.side !== 'target' || f.end < from || f.start > to) return;
        const diagnostic = { severity: SEVERITY[f.severity], message: h.describe(f), ...rangeAt(model, f.start, f.end) } as monaco.editor.IMarkerData;
        f.fixes.forEach((fix, k) => {
          const label = h.fixLabel(fix);
          actions.push({
            title: label,
            kind: 'quickfix',
            isPreferred: k === 0,
            diagnostics: [diagnostic],
            edit: {
              edits: fix.edits.map((e) => ({ resource: model.uri, versionId: model.getVersionId(), textEdit: { range: rangeAt(model, e.start, e.end), text: e.text } })),
            },
          });
        });
        if (f.rule === SPELLING_RULE) {
          const addWord = h.labels.addWord(f.text);
          actions.push({ title: addWord, kind: 'quickfix', diagnostics: [diagnostic], command: { id: 'calque.addWord', title: addWord, arguments: [uri, index] } });
        }
        actions.push({ title: h.labels.annotate, kind: 'quickfix', diagnostics: [diagnostic], command: { id: 'calque.annotateFinding', title: h.labels.annotate, arguments: [uri, index] } });
        actions.push({ title: h.labels.ignoreHere, kind: 'quickfix', diagnostics: [diagnostic], command: { id: 'calque.ignoreFinding', title: h.labels.ignoreHere, arguments: [uri, index, 'here'] } });
        const ignoreRule = h.labels.ignoreRule(f.rule);
        actions.push({ title: ignoreRule, kind: 'quickfix', diagnostics: [diagnostic], command: { id: 'calque.ignoreFinding', title: ignoreRule, arguments: [uri, index, 'project'] } });
      });
      return { actions, dispose() {} };
    },
  });
}
