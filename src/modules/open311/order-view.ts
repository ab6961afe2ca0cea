import { Type } from 'typebox';
import { Nullable } from '../../platform/http/schemas';
import type { OrderViewExtension } from '../../platform/module';
import { open311Store } from './open311.store';

export const Open311Fields = {
  open311: Nullable(
    Type.Object({
      clientId: Type.String(),
      clientName: Type.String({ description: 'The client app that filed the order through Open311' }),
      token: Type.String({ description: 'The Open311 token of the submission (also the order’s externalRef)' }),
      serviceCode: Type.String(),
    }),
  ),
};

/** Orders filed through Open311 show the client app that filed them (null for every other order). */
export function open311OrderView(): OrderViewExtension {
  return {
    name: 'open311',
    fields: Open311Fields,
    async decorate(sql, orders) {
      const store = open311Store(sql);
      const submissions = await store.submissionsOfTickets(orders.map((o) => o.id));
      const clients = new Map((await store.getClients([...new Set(submissions.map((s) => s.clientId))])).map((c) => [c.id, c.name]));
      const byTicket = new Map(submissions.map((s) => [s.ticketId, s]));
      return new Map(
        orders.map((o) => {
          const s = byTicket.get(o.id);
          return [o.id, { open311: s ? { clientId: s.clientId, clientName: clients.get(s.clientId) ?? s.clientId, token: s.token, serviceCode: s.serviceCode } : null }];
        }),
      );
    },
  };
}
