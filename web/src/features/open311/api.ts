// The Open311 admin page's API calls (admin only): client apps, service definitions, the registration mode.
import { request } from '../../shell/api';
import type { Mode, Open311Client, Open311Settings, Service, ServiceEditBody } from './open311';

export const open311Api = {
  clients: () => request<{ items: Open311Client[] }>('/admin/open311/clients'),
  createClient: (name: string) => request<Open311Client & { apiKey: string }>('/admin/open311/clients', { body: { name } }),
  revokeClient: (id: string) => request<Open311Client>(`/admin/open311/clients/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  services: () => request<{ items: Service[] }>('/admin/open311/services'),
  saveService: (code: string, body: ServiceEditBody) => request<Service>(`/admin/open311/services/${encodeURIComponent(code)}`, { method: 'PUT', body }),
  settings: () => request<Open311Settings>('/admin/open311/settings'),
  setMode: (mode: Mode) => request<Open311Settings>('/admin/open311/settings', { method: 'PUT', body: { mode } }),
};
