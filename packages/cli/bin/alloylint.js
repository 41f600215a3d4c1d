#!/usr/bin/env node
import "../dist/alloylint.js";
