export { gasSend } from './gas-transport';
