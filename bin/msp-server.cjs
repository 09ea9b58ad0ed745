#!/usr/bin/env node
'use strict';
const { loadBundle } = require('./load-bundle.cjs');
loadBundle('server').main(process.argv.slice(2));
