import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { monaco, PROSE_FONT, wrappingFor } from '../monaco/setup';
import { Modal } from './Modal';

/**
 * Another program changed the file while the editor has unsaved edits: keep mine, take theirs, or
 * compare the two first. Nothing is lost: "keep mine" overwrites on purpose, "take theirs" is undoable.
 */
export function ConflictDialog(props: {
  path: string;
  mine: string;
  theirs: string | null;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  const { t } = useTranslation();
  const [comparing, setComparing] = useState(false);
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!comparing || !host.current) return;
    const diff = monaco.editor.createDiffEditor(host.current, {
      readOnly: true,
      originalEditable: false,
      automaticLayout: true,
      wordWrap: 'on',
      diffWordWrap: 'on',
      fontFamily: PROSE_FONT,
      wrappingStrategy: wrappingFor(props.mine),
      fontSize: 15,
      lineHeight: 24,
      originalAriaLabel: t('conflict.takeTheirs'),
      ariaLabel: t('conflict.keepMine'),
    });
    const original = monaco.editor.createModel(props.theirs ?? '', 'plaintext');
    const modified = monaco.editor.createModel(props.mine, 'plaintext');
    diff.setModel({ original, modified });
    return () => {
      diff.dispose();
      original.dispose();
      modified.dispose();
    };
  }, [comparing, props.mine, props.theirs, t]);

  return (
    <Modal title={t('conflict.title')} onClose={() => undefined} wide={comparing}>
      <p>{t('conflict.explain', { path: props.path })}</p>
      {comparing ? (
        <>
          <h3>{t('conflict.compareTitle')}</h3>
          <div ref={host} className="conflict-diff" dir="ltr" />
        </>
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={props.onKeepMine}>
          {t('conflict.keepMine')}
        </button>
        <button type="button" onClick={props.onTakeTheirs} disabled={props.theirs === null}>
          {t('conflict.takeTheirs')}
        </button>
        <button type="button" onClick={() => setComparing((c) => !c)} disabled={props.theirs === null}>
          {comparing ? t('conflict.closeCompare') : t('conflict.compare')}
        </button>
      </div>
    </Modal>
  );
}
