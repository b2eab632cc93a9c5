// Hard limits on what the engine reads (issue 14: no input may hang the engine or the tab). Each says why
// its number is safe for real files and what happens past it; the README's "Limits" section lists the same
// numbers and messages. Past a limit the engine keeps what it read before it, reports an error diagnostic
// at the line and column where the limit was reached, and the plan proposes no rewrites for that input.

/** Diagnostic codes of the limits, so the plan (and tests) can recognise them. */
export const LIMIT_CODE_PREFIX = "limit/";

export const LIMITS = {
  /** Dockerfile characters parsed. The largest Dockerfile of the shared corpus is under 10 kB; 1 MiB is the
   *  permalink's whole payload cap (2 MiB) halved, and dockerfile-ast parses it in about a second. */
  dockerfileChars: 1024 * 1024,
  /** Instructions read. The corpus maximum is 95. Issue 14 set 1,000 because the plan grew quadratically
   *  (a 1,000-instruction file took ~0.5 s); issue 13 asked for 10,000. Now that the plan is linear in the
   *  file (lazy capped diffs, one resolution per requirements file, cached closures and arguments), 10,000
   *  costs ~13× 1,000 in CPU time (`npm run bench`, 2026-12-02: analyze 0.73 s vs 0.058 s; the rest is GC),
   *  not ~100×, which settles the conflict in issue 13's favour (docs/speed.md). An
   *  image cannot hold more than 127 layers (overlay2's depth limit), but ENV/ARG/LABEL/WORKDIR make none,
   *  and generated Dockerfiles do get long. */
  instructions: 10_000,
  /** Stages (FROM lines). The corpus maximum is 6; 128 keeps stage-heavy pastes (60–120 KB, issue 14:
   *  ~20 s) well under a second. */
  stages: 128,
  /** Characters in one instruction, heredoc bodies included. A heredoc is an inline script; 64 KiB is far
   *  beyond a script written by hand (the corpus's largest Dockerfile is under 10 kB in all), and keeps
   *  one RUN's shell split and estimate cheap. */
  instructionChars: 64 * 1024,
  /** Characters one variable substitution may produce: Linux's MAX_ARG_STRLEN (32 pages of 4 KiB,
   *  include/uapi/linux/binfmts.h), the longest single argument or environment string `execve` accepts;
   *  a real build's RUN fails with E2BIG past it. Stops the `ENV L1=$L0$L0` doubling chains (issue 15:
   *  24 doublings grew the tab by ~8 GB). */
  expandedChars: 128 * 1024,
  /** Characters all substitutions of one estimate may produce together: 32 values at the cap above. Bounds
   *  a chain of thousands of capped doublings (each at the cap) to a few MB of strings. */
  expandedCharsTotal: 4 * 1024 * 1024,
  /** Units of what the size model holds over one estimate (StageFs, FsBudget). A file entry (a package, a
   *  copied directory, a cache) costs one per key it is indexed under, a level of its path each
   *  (`/usr/local/lib/python3.12/site-packages/numpy` is 7), once per 256 characters of the path (each
   *  level's key is hashed: deep, long paths cost time quadratic in their length); a stage built on
   *  another pays for its copy of the other's indexes, and one unit for each directory, package, path or
   *  variable its state copies.
   *  Copies grow the model faster than the file: each stage copying the one before it twice doubles it (20
   *  such stages held a million entries in 19 s of CPU), each `RUN chown -R` copies up everything before it
   *  (2,000 COPY + chown pairs held 2 million entries, 360 MB of heap), and 127 stages built on one that
   *  made ~97,000 directories (`RUN mkdir`) peaked at 423 MB. Measured (2026-12-02, `node --trace-gc`,
   *  the analysis alone): at 250,000 units the worst shapes found — those, and 128 stages each `FROM` the
   *  one before or copying the one before whole — peak at 50–126 MB of heap against 21 MB for a two-line
   *  file (about 400 bytes a unit at worst; the mkdir file's own parse is part of its 126), in 0.25–0.8 s
   *  of CPU. The largest file of the shared corpus uses 854 units (median 42): the limit is ~290 times
   *  that. The plan holds one analysis this large at most (its work budget stops the steps after an
   *  analysis of more than PLAN_WORK.units items). */
  /*  Lowered from 250,000 to 100,000 (issue 14's second): the fuzz's `bulk` cases that stop at this limit
   *  (seed 100 cases 154 and 1267, 5,000–10,000 instructions) still took 1.0–1.2 s of CPU for their plan at
   *  250,000 and take 0.7–1.0 s at 100,000 (`--only` replay, 2026-12-02, load ~3), while the largest
   *  corpus file's 854 units stay ~117 times below it. */
  fsEntryLevels: 100_000,
  /** Characters of one path in the size model: Linux's PATH_MAX (4,096 bytes with the NUL,
   *  include/uapi/linux/limits.h), past which the build itself fails with ENAMETOOLONG. Indexing a path
   *  hashes each of its prefixes, so one entry costs time quadratic in its path's length. */
  pathChars: 4096,
  /** Characters in one logical requirements line (after joining `\` continuations). A hash-pinned line
   *  with 300 wheel hashes (`--hash=sha256:` + 64 hex digits + a continuation, ~85 characters each) is
   *  ~26 KB; 100,000 leaves room for four times that. */
  requirementLineChars: 100_000,
  /** Depth of `-r`/`-c` includes followed. pip has no explicit limit (Python's recursion limit, 1,000);
   *  a permalink holds at most 32 files, so a chain deeper than 16 is not a real project. */
  includeDepth: 16,
} as const;
