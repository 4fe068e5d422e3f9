/** Row shapes of the maintenance tables (migration 0006) and of the monitor's history tables it reads (0003). */
import type { HealthTables } from './health-store';

export type MaintenanceTables = Pick<HealthTables, 'camera_state_log' | 'health_alerts'> & {
  maintenance_tickets: {
    id: string;
    camera_id: string;
    unit_id: string;
    alert_id: string | null;
    assignee: string;
    contractor: string | null;
    status: string;
    verify_after_min: number;
    created_at: string;
    created_by: string;
    updated_at: string;
    fixed_at: string | null;
    verified_at: string | null;
  };
  maintenance_notes: { id: number; ticket_id: string; at: string; by_name: string; kind: string; text: string };
  maintenance_photos: { id: string; ticket_id: string; name: string; mime: string; size: number; sha256: string; path: string; at: string; by_name: string };
  maintenance_windows: { id: string; camera_id: string; unit_id: string; from_at: string; to_at: string; reason: string; created_at: string; created_by: string };
};
