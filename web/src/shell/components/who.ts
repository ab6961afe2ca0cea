// Names the people the API points at by id, with the display name it sends beside it (settings' and a
// version's author, who switched emergency response).
import { useApp } from '../context';
import { person } from '../format';

/** "Who" from an id and the display name the API sends beside it (a change's author, a version's creator). */
export type Who = (id: string | null | undefined, name: string | null | undefined) => string;

/** Names a person the API points at: the system in the console's language, "you", a name, or the start of an id. */
export function useWho(): Who {
  const { t, user } = useApp();
  return (id, name) => {
    const p = person(id, name);
    switch (p.kind) {
      case 'system':
        return t('who.system'); // in the console's language (the server's name is 系统)
      case 'named':
        return id === user?.id ? t('who.you', { name: p.name }) : p.name;
      case 'unknown':
        // An account the server could not name: the start of its id.
        return t('who.otherUser', { id: p.id.slice(0, 8) });
      case 'none':
        return '';
    }
  };
}
