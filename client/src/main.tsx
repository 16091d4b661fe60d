import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { SessionProvider } from './auth/SessionProvider';
import { I18nProvider } from './i18n/I18nProvider';
import { SharedDeviceGuard } from './life/SharedDeviceGuard';
import './styles/base.css';
import './styles/layout.css';
import './styles/forms.css';
import './workspace/workspace.css';
import './people/people.css';
import './people/invitations.css';
import './people/join.css';
import './life/life.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <SessionProvider>
        <SharedDeviceGuard />
        <App />
      </SessionProvider>
    </I18nProvider>
  </StrictMode>,
);
