export { FakeFigma, FakeUi, type UiBridge } from './fake-figma';
export { FakeSceneNode, FakePageNode } from './fake-nodes';
export { addSampleCampaign } from './sample-document';
