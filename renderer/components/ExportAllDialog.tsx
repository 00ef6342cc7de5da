import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalqueEvents, HostInfo } from '../../main/contract/api';
import { api, toUiError, type UiError } from '../api';
import { errorMessage } from '../lib/errors';
import { Modal } from './Modal';

type Job = CalqueEvents['job'];

/** "Export all": a destination folder, then progress with cancel; the job runs in the host. */
export function ExportAllDialog(props: { host: HostInfo; onClose: () => void }) {
  const { t } = useTranslation();
  const [dir, setDir] = useState(props.host.defaultExportDir);
  const [jobId, setJobId] = useState<string | null>(null);
  const [outDir, setOutDir] = useState('');
  // Every job event by id: a short export can finish before exportAll's own answer arrives.
  const [jobs, setJobs] = useState<Record<string, Job>>({});
  const [error, setError] = useState<UiError | null>(null);
  const job = jobId ? (jobs[jobId] ?? null) : null;

  useEffect(
    () =>
      api.onEvent((name, payload) => {
        if (name === 'job') setJobs((all) => ({ ...all, [(payload as Job).jobId]: payload as Job }));
      }),
    [],
  );

  const start = async (useDialog: boolean) => {
    setError(null);
    setJobId(null);
    try {
      const res = await api.exportAll(useDialog ? {} : { outDir: dir });
      if (res.cancelled) return;
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
          <input type="text" value={dir} onChange={(e) => setDir(e.target.value)} disabled={running} dir="ltr" />
        </label>
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
        <div className="dialog-actions">
          {running ? (
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
              <button type="submit" className="primary" disabled={!dir.trim()}>
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
