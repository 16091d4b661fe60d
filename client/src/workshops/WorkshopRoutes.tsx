/**
 * The workshop screens, loaded on demand: the workspace's list of workshops, and one workshop
 * as a participant sees it, as a facilitator runs it, or as the room's projector shows it.
 */
import type { Route } from '../router';
import { FacilitatorScreen } from './FacilitatorScreen';
import { ParticipantScreen } from './ParticipantScreen';
import { ProjectorScreen } from './ProjectorScreen';
import { WorkshopsScreen } from './WorkshopsScreen';
import './workshops.css';
import './workshopRoom.css';

type WorkshopRoute = Extract<Route, { name: 'workshops' | 'workshop' }>;

export function WorkshopRoutes({ route }: { route: WorkshopRoute }) {
  if (route.name === 'workshops') return <WorkshopsScreen key={route.workspaceId} workspaceId={route.workspaceId} />;
  const props = { key: `${route.workshopId}/${route.view}`, workspaceId: route.workspaceId, workshopId: route.workshopId };
  switch (route.view) {
    case 'facilitate':
      return <FacilitatorScreen {...props} />;
    case 'projector':
      return <ProjectorScreen {...props} />;
    default:
      return <ParticipantScreen {...props} />;
  }
}
