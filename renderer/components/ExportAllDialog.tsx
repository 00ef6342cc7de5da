import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPORT_KINDS, type CalqueEvents, type ExportKind, type HostInfo } from '../../main/contract/api';
import { api, toUiError, type UiError } from '../api';
import { errorMessage } from '../lib/errors';
import { Modal } from './Modal';

type Job = CalqueEvents['job'];

/** Files listed by name before "and N more". */
const LISTED = 20;

/**
 * "Export all": a destination folder, then progress with cancel; the job runs in the host. When files of
 * the same names are already in the folder, nothing is written until the user has seen them and chosen.
 */
export function ExportAllDialog(props: { host: HostInfo; onClose: () => void }) {
  const { t } = useTranslation();
  const [dir, setDir] = useState(props.host.defaultExportDir);
  const [jobId, setJobId] = useState<string | null>(null);
  const [outDir, setOutDir] = useState('');
  // Every job event by id: a short export can finish before exportAll's own answer arrives.
  const [jobs, setJobs] = useState<Record<string, Job>>({});
  const [error, setError] = useState<UiError | null>(null);
  const [replace, setReplace] = useState<{ outDir: string; files: string[] } | null>(null);
  const [as, setAs] = useState<ExportKind>('own');
  const job = jobId ? (jobs[jobId] ?? null) : null;

  useEffect(
    () =>
      api.onEvent((name, payload) => {
        if (name === 'job') setJobs((all) => ({ ...all, [(payload as Job).jobId]: payload as Job }));
      }),
    [],
  );

  const start = async (useDialog: boolean, overwrite = false) => {
    setError(null);
    setJobId(null);
    setReplace(null);
    try {
      const target = overwrite && replace ? replace.outDir : dir;
      const res = await api.exportAll({ ...(useDialog ? {} : { outDir: target }), ...(overwrite ? { overwrite: true } : {}), ...(as !== 'own' ? { as } : {}) });
      if (res.cancelled) return;
      if (res.wouldReplace) {
        setReplace({ outDir: res.outDir, files: res.wouldReplace });
        return;
      }
      setJobId(res.jobId);
      setOutDir(res.outDir);
    } catch (err) {
      setError(toUiError(err));
    }
  };

  const running = !!jobId && (!job || job.state === 'running');
  return (
    <Modal title={t('exportAll.title')} onClose={props.onClose}>
      <p>{t('exportAll.explain')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void start(false);
        }}
      >
        <label className="field field-wide">
          <span>{t('exportAll.folder')}</span>
          <input
            type="text"
            value={dir}
            onChange={(e) => {
              setDir(e.target.value);
              setReplace(null);
            }}
            disabled={running}
            dir="ltr"
          />
        </label>
        <fieldset className="radio-group" disabled={running}>
          <legend>{t('exportAll.as.legend')}</legend>
          {EXPORT_KINDS.map((k) => (
            <label key={k}>
              <input
                type="radio"
                name="export-kind"
                value={k}
                checked={as === k}
                onChange={() => {
                  setAs(k);
                  setReplace(null);
                }}
              />
              {t(`exportAll.as.${k}`)}
            </label>
          ))}
        </fieldset>
        {job ? (
          <div className="progress-block">
            <progress max={job.total || 1} value={job.done} aria-label={t('exportAll.progress', { done: job.done, total: job.total })} />
            <p role="status">
              {job.state === 'running'
                ? t('exportAll.progress', { done: job.done, total: job.total })
                : job.state === 'finished'
                  ? t('exportAll.finished', { count: job.total, path: outDir })
                  : job.state === 'cancelled'
                    ? t('exportAll.cancelled', { done: job.done, total: job.total })
                    : t('exportAll.failed', { message: job.error ? errorMessage(job.error) : '' })}
            </p>
          </div>
        ) : null}
        {error ? <p role="alert" className="error-text">{errorMessage(error)}</p> : null}
        {replace ? (
          <div role="alert" className="replace-block">
            {/* First-strong isolates: a path keeps its own direction inside an Arabic sentence. */}
            <p>{t('exportAll.replaceIntro', { count: replace.files.length, path: `\u2068${replace.outDir}\u2069` })}</p>
            <ul className="replace-list">
              {replace.files.slice(0, LISTED).map((f) => (
                <li key={f}>
                  <bdi dir="ltr">{f}</bdi>
                </li>
              ))}
            </ul>
            {replace.files.length > LISTED ? <p>{t('exportAll.replaceMore', { count: replace.files.length - LISTED })}</p> : null}
          </div>
        ) : null}
        <div className="dialog-actions">
          {replace ? (
            <>
              {/* Keys: a reused submit button would still submit the form (and ask again). */}
              <button key="replace" type="button" className="primary" onClick={() => void start(false, true)}>
                {t('exportAll.replaceConfirm')}
              </button>
              <button key="keep" type="button" onClick={() => setReplace(null)}>
                {t('exportAll.keep')}
              </button>
            </>
          ) : running ? (
            <button type="button" onClick={() => jobId && void api.cancelJob({ jobId }).catch(() => undefined)}>
              {t('exportAll.cancel')}
            </button>
          ) : (
            <>
              {props.host.nativeDialogs ? (
                <button type="button" onClick={() => void start(true)}>
                  {t('exportAll.choose')}
                </button>
              ) : null}
              <button key="start" type="submit" className="primary" disabled={!dir.trim()}>
                {t('exportAll.start')}
              </button>
            </>
          )}
          <button type="button" onClick={props.onClose} disabled={running}>
            {t('exportAll.close')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
