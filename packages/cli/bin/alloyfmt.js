#!/usr/bin/env node
import "../dist/alloyfmt.js";
