import { createRoot } from 'react-dom/client';
import { StrictMode } from 'react';
import './monaco/setup';
import './styles.css';
import { setupI18n } from './i18n';
import { App } from './App';

void setupI18n().then(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
