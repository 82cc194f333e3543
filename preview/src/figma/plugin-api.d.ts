// The official plugin API types without the sandbox globals, so the fake can be typed against
// them from a DOM or Node program.
/// <reference types="@figma/plugin-typings/plugin-api" />
