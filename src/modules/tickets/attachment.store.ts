import type { Sql } from '../../platform/db/database';

export interface AttachmentMeta {
  id: string;
  filename: string;
  contentType: string;
  size: number;
}

export function attachmentStore(sql: Sql) {
  return {
    async insert(a: AttachmentMeta & { data: Uint8Array; createdBy: string | null; createdAt: string }): Promise<void> {
      await sql.query(
        'INSERT INTO attachments (id, filename, content_type, size, data, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [a.id, a.filename, a.contentType, a.size, a.data, a.createdBy, a.createdAt],
      );
    },
    async get(id: string): Promise<(AttachmentMeta & { data: Uint8Array }) | null> {
      const [r] = await sql.query('SELECT * FROM attachments WHERE id = $1', [id]);
      if (!r) return null;
      return { id: String(r.id), filename: String(r.filename), contentType: String(r.content_type), size: Number(r.size), data: r.data as Uint8Array };
    },
    async metas(ids: readonly string[]): Promise<AttachmentMeta[]> {
      if (ids.length === 0) return [];
      const rows = await sql.query('SELECT id, filename, content_type, size FROM attachments WHERE id = ANY($1::text[])', [ids]);
      const byId = new Map(rows.map((r) => [String(r.id), { id: String(r.id), filename: String(r.filename), contentType: String(r.content_type), size: Number(r.size) }]));
      return ids.flatMap((id) => byId.get(id) ?? []);
    },
  };
}
export type AttachmentStore = ReturnType<typeof attachmentStore>;
