import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { loadBusinessTimeZone } from './lib/dates';

// "Today" is the business time zone's: learn it before the first screen computes a date.
void loadBusinessTimeZone().then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
