import './styles.css';

export { SidebarPage, ErrorNote } from './layout';
export { useRemote } from './use-remote';
export * from './governance';
