import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HostInfo, ProjectInfo } from '../main/contract/api';
import { api, toUiError, type UiError } from './api';
import { ArticleList } from './components/ArticleList';
import { ExportAllDialog } from './components/ExportAllDialog';
import { ProjectSearchDialog } from './components/ProjectSearchDialog';
import { ProjectProblemsDialog } from './components/ProjectProblemsDialog';
import { ReportDialog } from './components/ReportDialog';
import { Notice, type NoticeMessage } from './components/Notice';
import { ProjectSettingsDialog } from './components/ProjectSettingsDialog';
import { MqmImportDialog } from './components/MqmImportDialog';
import { downloadBase64 } from './lib/download';
import { savedPlace, savePlace } from './lib/open-place';
import { writesSettled } from './lib/pending-writes';
import { LanguageDialog } from './components/LanguageDialog';
import { ReviewView } from './review/ReviewView';
import { SettingsDialog } from './components/SettingsDialog';
import { errorMessage } from './lib/errors';
import { applyTheme, savedTheme, type ThemeSetting } from './theme';

type Screen = { kind: 'list' } | { kind: 'article'; id: string };

export function App() {
  const { t, i18n } = useTranslation();
  const [host, setHost] = useState<HostInfo | null>(null);
  const [project, setProject] = useState<ProjectInfo | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  // A reload returns to the article that was open (and ReviewView to its segment).
  const [screen, setScreen] = useState<Screen>(() => {
    const place = savedPlace();
    return place ? { kind: 'article', id: place.article } : { kind: 'list' };
  });
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [exportAllOpen, setExportAllOpen] = useState(false);
  const [reportOpen, setReportOpen] = useState(false);
  const [projectSettingsOpen, setProjectSettingsOpen] = useState(false);
  const [mqmImportOpen, setMqmImportOpen] = useState(false);
  const [searchOpen, setSearchOpen] = useState(false);
  const [problemsOpen, setProblemsOpen] = useState(false);
  // A banner belongs to the screen it was raised on: it does not follow the editor into an article.
  const [notice, setNoticeOn] = useState<{ message: NoticeMessage; screen: string } | null>(null);
  const [theme, setTheme] = useState<ThemeSetting>(savedTheme);

  const screenKey = screen.kind === 'article' ? `article:${screen.id}` : 'list';
  const setNotice = useCallback((message: NoticeMessage) => setNoticeOn({ message, screen: screenKey }), [screenKey]);
  useEffect(() => applyTheme(theme), [theme]);
  useEffect(() => {
    if (screen.kind === 'list') savePlace(null);
    else if (savedPlace()?.article !== screen.id) savePlace({ article: screen.id });
  }, [screen]);
  // The host localizes its own surfaces (the desktop's native menus) in the language chosen here.
  useEffect(() => {
    void api.setUiLanguage({ lng: i18n.language }).catch(() => undefined);
  }, [i18n.language]);

  const load = useCallback(async (root?: string) => {
    try {
      const info = await api.openProject(root ? { root } : {});
      setProject(info);
      setError(null);
      return info;
    } catch (err) {
      const e = toUiError(err);
      if (e.code !== 'cancelled') setError(e);
      return null;
    }
  }, []);

  useEffect(() => {
    void api.hostInfo({}).then(setHost, (err) => setError(toUiError(err)));
    void load();
  }, [load]);

  const openFolder = useCallback(async () => {
    try {
      const info = await api.openProject({ choose: true });
      setProject(info);
      setScreen({ kind: 'list' });
    } catch (err) {
      const e = toUiError(err);
      if (e.code !== 'cancelled') setError(e);
    }
  }, []);

  const exportMqm = async () => {
    try {
      const res = await api.exportMqm({});
      if (res.dataBase64) downloadBase64(res.fileName, res.dataBase64);
      if (!res.cancelled) setNotice(res.savedPath ? { key: 'report.savedTo', params: { path: res.savedPath } } : { key: 'report.downloaded', params: { name: res.fileName } });
    } catch (err) {
      setError(toUiError(err));
    }
  };

  // Native menu commands (desktop) that are not handled inside the review view.
  useEffect(
    () =>
      api.onEvent((name, payload) => {
        if (name === 'articleUpdated') {
          const { summary } = payload as { summary: ProjectInfo['articles'][number] };
          setProject((p) => (p ? { ...p, articles: p.articles.map((a) => (a.id === summary.id ? summary : a)) } : p));
          return;
        }
        if (name !== 'menu') return;
        const command = (payload as { command: string }).command;
        if (command === 'settings') setSettingsOpen(true);
        else if (command === 'exportAll') setExportAllOpen(true);
        else if (command === 'report') setReportOpen(true);
        else if (command === 'projectSettings') setProjectSettingsOpen(true);
        else if (command === 'importMqm') setMqmImportOpen(true);
        else if (command === 'openFolder') void openFolder();
      }),
    [openFolder],
  );

  const returning = useRef(false);
  const backToList = useCallback(() => {
    returning.current = true;
    setScreen({ kind: 'list' });
  }, []);
  // Read the project again once the article has been left (its effects cleaned up, so the save of
  // unsaved edits has started) and its last writes are stored: the list shows them.
  useEffect(() => {
    if (screen.kind !== 'list' || !returning.current) return;
    returning.current = false;
    void writesSettled().then(() => load());
  }, [screen, load]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <h1 className="app-title">
          {t('app.name')}
          {project ? <span className="project-name"> — {project.name}</span> : null}
        </h1>
        <div className="header-actions">
          {host?.nativeDialogs ? (
            <button type="button" onClick={() => void openFolder()}>
              {t('project.openFolder')}
            </button>
          ) : null}
          <button type="button" onClick={() => setSettingsOpen(true)}>
            {t('settings.title')}
          </button>
        </div>
      </header>
      {error ? (
        <div role="alert" className="banner banner-error">
          <span>{errorMessage(error)}</span>
          <button type="button" onClick={() => setError(null)}>
            {t('common.dismiss')}
          </button>
        </div>
      ) : null}
      <Notice message={notice && notice.screen === screenKey ? notice.message : null} onDismiss={() => setNoticeOn(null)} />
      {project?.configError ? (
        <div role="alert" className="banner banner-error">
          {t('project.configError', { message: errorMessage(project.configError) })}
        </div>
      ) : null}
      <main id="main" className="app-main">
        {!project ? (
          error ? null : <p className="loading">{t('app.loading')}</p>
        ) : screen.kind === 'article' && project.articles.some((a) => a.id === screen.id) ? (
          <ReviewView key={screen.id} id={screen.id} onBack={backToList} onError={setError} />
        ) : (
          <ArticleList project={project} onOpen={(id) => setScreen({ kind: 'article', id })} onExportAll={() => setExportAllOpen(true)}
            onReviewReplaced={(summary) => setProject((p) => (p ? { ...p, articles: p.articles.map((a) => (a.id === summary.id ? summary : a)) } : p))}
            onError={setError}
            onReport={() => setReportOpen(true)}
            onProjectSettings={() => setProjectSettingsOpen(true)}
            onImportMqm={() => setMqmImportOpen(true)}
            onExportMqm={() => void exportMqm()}
            onSearch={() => setSearchOpen(true)}
            onProjectProblems={() => setProblemsOpen(true)}
          />
        )}
      </main>
      {project && (project.needsLanguages || project.configError) ? (
        <LanguageDialog project={project} onDone={(info) => setProject(info)} onError={setError} />
      ) : null}
      {settingsOpen ? <SettingsDialog theme={theme} onTheme={setTheme} onClose={() => setSettingsOpen(false)} /> : null}
      {exportAllOpen && host ? <ExportAllDialog host={host} onClose={() => setExportAllOpen(false)} /> : null}
      {searchOpen ? <ProjectSearchDialog onClose={() => setSearchOpen(false)} onDone={setNotice} onReplaced={() => void load()} /> : null}
      {problemsOpen ? <ProjectProblemsDialog onClose={() => setProblemsOpen(false)} onDone={setNotice} onChanged={() => void load()} /> : null}
      {reportOpen ? (
        <ReportDialog articleId={screen.kind === 'article' ? screen.id : undefined} onClose={() => setReportOpen(false)} onDone={setNotice} />
      ) : null}
      {projectSettingsOpen ? <ProjectSettingsDialog project={project ?? undefined} onProject={setProject} onClose={() => setProjectSettingsOpen(false)} /> : null}
      {mqmImportOpen && project ? (
        <MqmImportDialog
          pairs={project.pairs}
          onClose={() => setMqmImportOpen(false)}
          onImported={(message) => {
            setNotice(message);
            void api.openProject({}).then(setProject, (e) => setError(toUiError(e)));
          }}
        />
      ) : null}
    </div>
  );
}
