export { FakeFigma, FakeUi, FakeClientStorage, FakeViewport, currentUserPermissionError, defaultUser, type FakeUser, type UiBridge } from './fake-figma';
export { FakeSceneNode, FakeLayer, FakeFrameNode, FakeComponentNode, FakeInstanceNode, FakeGroupNode, FakeShapeNode, FakeSectionNode, FakePageNode, FakeDocumentNode, constrainAxis } from './fake-nodes';
export { FakeTextNode } from './fake-text';
export { fakeExport, pngSize } from './fake-export';
export { mixed, pluginDataLimit } from './fake-world';
export { addSampleCampaign, sampleKit, solid } from './sample-document';
