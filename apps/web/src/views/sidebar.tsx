// Left navigation grouped by task, so twenty pages stay readable on a monitoring-room screen.
import { SECTIONS } from '../sections';
import { useUser } from '../hooks/use-auth';
import { useT } from '../i18n/i18n';
import type { MessageKey } from '../i18n/vi';

const GROUPS: { label: MessageKey; keys: string[] }[] = [
  { label: 'nav.group.watch', keys: ['wall', 'playback', 'exports', 'map', 'events'] },
  { label: 'nav.group.cameras', keys: ['cameras', 'health', 'alerts', 'maintenance'] },
  { label: 'nav.group.cases', keys: ['cases', 'incidents', 'reports'] },
  { label: 'nav.group.checkpoints', keys: ['checkpoints', 'checkpoint-dashboard'] },
  { label: 'nav.group.admin', keys: ['units', 'users', 'audit'] },
  { label: 'nav.group.public', keys: ['tra-cuu'] },
];

export function Sidebar({ current }: { current: string | undefined }) {
  const t = useT();
  const user = useUser();
  const visible = SECTIONS.filter((s) => s.nav !== false && s.roles.includes(user.role));
  const grouped = new Set(GROUPS.flatMap((g) => g.keys));
  const groups = [...GROUPS, { label: 'nav.group.other' as MessageKey, keys: visible.filter((s) => !grouped.has(s.key)).map((s) => s.key) }];
  return (
    <nav className="sidebar" data-testid="nav">
      {groups.map((g) => {
        const items = g.keys.map((k) => visible.find((s) => s.key === k)).filter((s) => s !== undefined);
        if (items.length === 0) return null;
        return (
          <div className="sidebar__group" key={g.label}>
            <div className="sidebar__title">{t(g.label)}</div>
            {items.map((s) => (
              <a key={s.key} href={`#/${s.key}`} className={current === s.key ? 'active' : ''} data-testid={`nav-${s.key}`}>
                {t(s.navLabel)}
              </a>
            ))}
          </div>
        );
      })}
    </nav>
  );
}
