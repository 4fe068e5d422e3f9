// Every page of the app in one registry: route key, who may see it, nav label, and how to render it.
// A feature adds one entry here (and its messages in i18n/features/), nothing else in the shell.
import type { ReactElement } from 'react';
import type { Role } from './api/types';
import type { MessageKey } from './i18n/vi';
import { AuditPage } from './pages/audit-page';
import { CameraFormPage } from './pages/camera-form-page';
import { CamerasPage } from './pages/cameras-page';
import { MapPage } from './pages/map-page';
import { UnitsPage } from './pages/units-page';
import { UsersPage } from './pages/users-page';
import { WallPage } from './pages/wall-page';
import { PlaybackPage } from './pages/playback-page';
import { ExportsPage } from './pages/exports-page';
import { CheckpointDashboardPage } from './pages/checkpoint-dashboard-page';
import { CheckpointsPage } from './pages/checkpoints-page';
import { StationPage } from './pages/station-page';
import { CasesPage } from './pages/cases-page';
import { CaseDetailPage } from './pages/case-detail-page';
import { CaseIntakePage } from './pages/case-intake-page';
import { IncidentsPage } from './pages/incidents-page';
import { ReportsPage } from './pages/reports-page';
import { PublicLookupPage } from './pages/public-lookup-page';
import { HealthPage } from './pages/health-page';
import { AlertsPage } from './pages/alerts-page';
import { MaintenancePage } from './pages/maintenance-page';
import { HealthReportsPage } from './pages/health-reports-page';
import { EventsPage } from './pages/events-page';
import { RulesPage } from './pages/rules-page';

export interface SectionDef {
  key: string;
  /** Roles that see it; mirrors the server's grants in packages/core/src/auth/permissions.ts. */
  roles: readonly Role[];
  navLabel: MessageKey;
  /** Shown in the header nav (false for pages reached by link only). */
  nav?: boolean;
  /** Rendered without login too (the public violation look-up). */
  public?: boolean;
  render(id: string | undefined, rest: string[]): ReactElement;
}

const READERS: Role[] = ['admin', 'operator', 'officer', 'unit-viewer', 'auditor'];
const ALL: Role[] = ['admin', 'operator', 'officer', 'unit-viewer', 'checkpoint', 'auditor'];

export const SECTIONS: SectionDef[] = [
  { key: 'cameras', roles: READERS, navLabel: 'nav.cameras', render: (id) => (id ? <CameraFormPage key={id} id={id === 'new' ? null : id} /> : <CamerasPage />) },
  { key: 'map', roles: READERS, navLabel: 'nav.map', render: () => <MapPage /> },
  { key: 'units', roles: ALL, navLabel: 'nav.units', render: () => <UnitsPage /> },
  { key: 'users', roles: ['admin'], navLabel: 'nav.users', render: () => <UsersPage /> },
  { key: 'audit', roles: ['admin', 'auditor'], navLabel: 'nav.audit', render: () => <AuditPage /> },
  { key: 'wall', roles: ['admin', 'operator', 'officer', 'unit-viewer'], navLabel: 'nav.wall', render: () => <WallPage /> },
  { key: 'playback', roles: ['admin', 'operator', 'officer', 'unit-viewer'], navLabel: 'nav.playback', render: (id, rest) => <PlaybackPage ids={id ? [id, ...rest] : []} /> },
  { key: 'exports', roles: ['admin', 'operator', 'officer', 'unit-viewer'], navLabel: 'nav.exports', render: () => <ExportsPage /> },
  { key: 'checkpoints', roles: ['admin', 'operator', 'officer', 'checkpoint', 'auditor'], navLabel: 'nav.checkpoints', render: () => <CheckpointsPage /> },
  { key: 'station', roles: ['admin', 'checkpoint'], navLabel: 'nav.checkpoints', nav: false, render: (id) => (id ? <StationPage key={id} checkpointId={id} /> : <CheckpointsPage />) },
  { key: 'checkpoint-dashboard', roles: ['admin', 'operator', 'officer', 'checkpoint', 'auditor'], navLabel: 'nav.checkpointDashboard', render: () => <CheckpointDashboardPage /> },
  { key: 'cases', roles: READERS, navLabel: 'nav.cases', render: (id) => (id === 'new' ? <CaseIntakePage /> : id ? <CaseDetailPage key={id} id={id} /> : <CasesPage />) },
  { key: 'incidents', roles: READERS, navLabel: 'nav.incidents', render: () => <IncidentsPage /> },
  { key: 'reports', roles: READERS, navLabel: 'nav.reports', render: () => <ReportsPage /> },
  { key: 'health', roles: READERS, navLabel: 'nav.health', render: () => <HealthPage /> },
  { key: 'alerts', roles: READERS, navLabel: 'nav.alerts', render: () => <AlertsPage /> },
  { key: 'maintenance', roles: READERS, navLabel: 'nav.maintenance', render: (id, rest) => <MaintenancePage key={id ?? 'list'} id={id} rest={rest} /> },
  { key: 'health-reports', roles: READERS, navLabel: 'nav.healthReports', nav: false, render: () => <HealthReportsPage /> },
  { key: 'events', roles: READERS, navLabel: 'nav.events', render: () => <EventsPage /> },
  { key: 'rules', roles: ['admin', 'operator'], navLabel: 'nav.rules', nav: false, render: (id) => (id ? <RulesPage key={id} cameraId={id} /> : <EventsPage />) },
  { key: 'tra-cuu', roles: ALL, navLabel: 'nav.lookup', public: true, render: () => <PublicLookupPage /> },
];

export function findSection(key: string | undefined): SectionDef | undefined {
  return SECTIONS.find((s) => s.key === key);
}
