'use client';
import { useState } from 'react';
import type { CellId } from '@/lib/notebook/cells';
import { lessonsFor, type Lesson } from '@/lib/notebook/lessons';
import { useAppStore } from '@/lib/store';
import { tryLesson } from '@/lib/store/lessonActions';

/** The teaching text of a cell: closed by default, each with a "try it" button. */
export function Lessons({ cell }: { cell: CellId }) {
  const lessons = lessonsFor(cell);
  if (lessons.length === 0) return null;
  return (
    <div className="lessons" data-testid={`lessons-${cell}`}>
      {lessons.map((lesson) => (
        <LessonView key={lesson.id} lesson={lesson} />
      ))}
    </div>
  );
}

function LessonView({ lesson }: { lesson: Lesson }) {
  const [outcome, setOutcome] = useState<string | null>(null);
  return (
    <details className="lesson" data-lesson={lesson.id}>
      <summary>Learn: {lesson.title}</summary>
      {lesson.paragraphs.map((text, i) => (
        <p key={i}>{text}</p>
      ))}
      <button type="button" onClick={() => setOutcome(tryLesson(lesson.id, useAppStore.getState))}>
        Try it: {lesson.tryIt}
      </button>
      <p role="status" className="muted">
        {outcome}
      </p>
    </details>
  );
}
