import '../core/platform/native-regexps.js';
import { main, unexpected } from './index.js';

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== 0) process.exitCode = code;
  },
  (err) => {
    process.exitCode = unexpected(err);
  },
);
