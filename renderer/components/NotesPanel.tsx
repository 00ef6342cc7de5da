import { useTranslation } from 'react-i18next';
import type { UnitNote } from '../../main/contract/api';

/** The notes and comments the file carries (XLIFF notes, Trados comments), by unit; one jumps to its unit. */
export function NotesPanel(props: { notes: readonly UnitNote[]; onJump: (n: UnitNote) => void }) {
  const { t } = useTranslation();
  return (
    <div className="side-panel-body">
      <ul className="findings notes" aria-label={t('notes.title')}>
        {props.notes.map((n, i) => (
          <li key={`${n.unit}-${i}`} className="annotation">
            <button type="button" className="finding-main" onClick={() => props.onJump(n)}>
              <span className="finding-category">{t('notes.unit', { id: n.unit })}</span>
              {/* Document text: rendered as text, in its own direction. */}
              <span className="finding-message" dir="auto">
                {n.text}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
