import { describe, expect, it } from 'vitest'
import { addDays, daysBetween, fromDay, isIsoDate, todayIso, toDay, weekday } from './calendar'
import { axisTicks, quarterLabel, weekendSpans } from './axis'
import {
  arrowPath, BAR_HEIGHT, barGeometry, dateToX, dayEndX, diamondPoints, dragDates, ghostGeometry,
  HEADER_HEIGHT, makeScale, ROW_HEIGHT, rowTop, snapDays, type Scale,
} from './layout'

// 2026-03-02 is a Monday; a fixed scale starting there makes the expected pixels easy to read.
const scale: Scale = { originDay: toDay('2026-03-02'), pxPerDay: 10, days: 60, width: 600 }

describe('calendar', () => {
  it.each([
    ['1970-01-01', 0],
    ['2026-03-02', 20514],
    ['2024-02-29', 19782],
  ])('%s is day %i and back', (iso, day) => {
    expect(toDay(iso)).toBe(day)
    expect(fromDay(day)).toBe(iso)
  })

  it.each([
    ['2026-02-27', 2, '2026-03-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-03-29', 1, '2026-03-30'], // a DST change in Europe: days stay whole
  ])('addDays(%s, %i) = %s', (iso, days, expected) => {
    expect(addDays(iso, days)).toBe(expected)
  })

  it('counts calendar days between dates and knows the weekday', () => {
    expect(daysBetween('2026-03-02', '2026-03-11')).toBe(9)
    expect(daysBetween('2026-03-11', '2026-03-02')).toBe(-9)
    expect(weekday(toDay('2026-03-02'))).toBe(0) // Monday
    expect(weekday(toDay('2026-03-08'))).toBe(6) // Sunday
  })

  it('reads today in local time and checks dates', () => {
    expect(todayIso(new Date(2026, 2, 7, 23, 59))).toBe('2026-03-07')
    expect(isIsoDate('2026-02-29')).toBe(false)
    expect(isIsoDate('2026-2-1')).toBe(false)
    expect(isIsoDate('2028-02-29')).toBe(true)
  })
})

describe('date → x', () => {
  it.each([
    ['2026-03-02', 0, 10],
    ['2026-03-03', 10, 20],
    ['2026-03-12', 100, 110],
    ['2026-02-28', -20, -10],
  ])('%s starts at %i and ends at %i', (iso, start, end) => {
    expect(dateToX(scale, iso)).toBe(start)
    expect(dayEndX(scale, iso)).toBe(end)
  })
})

describe('makeScale', () => {
  it.each([
    // zoom, dates, origin, pixels per day
    ['week', ['2026-03-11', '2026-03-20'], '2026-03-02', 24], // 7 days before (Wed 4th), back to Monday
    ['month', ['2026-03-20', '2026-04-10'], '2026-03-01', 7], // 14 days before, back to the 1st
    ['quarter', ['2026-03-20', '2026-09-10'], '2026-02-01', 2.5],
  ] as const)('at %s zoom starts on %s', (zoom, dates, origin, pxPerDay) => {
    const s = makeScale(dates, zoom)
    expect(fromDay(s.originDay)).toBe(origin)
    expect(s.pxPerDay).toBe(pxPerDay)
    expect(s.width).toBe(s.days * pxPerDay)
    // the latest date's day fits with room to spare
    expect(dayEndX(s, dates[1])).toBeLessThan(s.width)
  })
})

describe('bar geometry', () => {
  it.each([
    // row, start, due → x, width (due is inclusive)
    [0, '2026-03-02', '2026-03-02', 0, 10],
    [0, '2026-03-02', '2026-03-06', 0, 50],
    [2, '2026-03-09', '2026-03-20', 70, 120],
    [1, '2026-03-10', '2026-03-05', 80, 10], // due before start: still one day wide
  ])('row %i %s–%s → x %i width %i', (row, start, due, x, width) => {
    const bar = barGeometry(scale, row, start, due)
    expect(bar).toEqual({ x, y: rowTop(row) + (ROW_HEIGHT - BAR_HEIGHT) / 2, width, height: BAR_HEIGHT })
  })

  it('places rows under the axis and ghosts just below their bar', () => {
    expect(rowTop(0)).toBe(HEADER_HEIGHT)
    expect(rowTop(3)).toBe(HEADER_HEIGHT + 3 * ROW_HEIGHT)
    const bar = barGeometry(scale, 1, '2026-03-02', '2026-03-06')
    const ghost = ghostGeometry(scale, 1, '2026-03-02', '2026-03-06')
    expect(ghost.x).toBe(bar.x)
    expect(ghost.y).toBeGreaterThan(bar.y)
    expect(ghost.y + ghost.height).toBeLessThanOrEqual(rowTop(2))
  })

  it('centres a gate diamond on the end of the due day', () => {
    const y = rowTop(1) + ROW_HEIGHT / 2
    expect(diamondPoints(scale, 1, '2026-03-06', 5)).toBe(`50,${y - 5} 55,${y} 50,${y + 5} 45,${y}`)
  })
})

describe('dependency arrows', () => {
  const rect = (x: number, row: number, width: number) => ({ x, y: rowTop(row) + 9, width, height: 16 })

  it.each([
    // from (x, row, width), to (x, row) → start, end
    [[0, 0, 50], [60, 1], { x: 50, y: rowTop(0) + 17 }, { x: 60, y: rowTop(1) + 17 }],
    [[100, 3, 20], [200, 0], { x: 120, y: rowTop(3) + 17 }, { x: 200, y: rowTop(0) + 17 }],
    [[0, 0, 50], [40, 2], { x: 50, y: rowTop(0) + 17 }, { x: 40, y: rowTop(2) + 17 }],
  ] as const)('from %j to %j runs end → start', (from, to, start, end) => {
    const path = arrowPath(rect(from[0], from[1], from[2]), rect(to[0], to[1], 30))
    expect(path.start).toEqual(start)
    expect(path.end).toEqual(end)
    expect(path.d.startsWith(`M${start.x},${start.y} `)).toBe(true)
    expect(path.d.endsWith(`V${end.y} H${end.x}`)).toBe(true)
  })

  it('turns once when the dependent starts well after, and loops round when it does not', () => {
    expect(arrowPath(rect(0, 0, 50), rect(80, 1, 30)).d).toBe(`M50,${rowTop(0) + 17} H58 V${rowTop(1) + 17} H80`)
    const between = rowTop(2) + 17 - ROW_HEIGHT / 2
    expect(arrowPath(rect(0, 0, 50), rect(40, 2, 30)).d).toBe(`M50,${rowTop(0) + 17} H58 V${between} H32 V${rowTop(2) + 17} H40`)
  })
})

describe('drag snapping', () => {
  it.each([
    [0, 10, 0],
    [4, 10, 0],
    [5, 10, 1],
    [14, 10, 1],
    [-4, 10, 0],
    [-6, 10, -1],
    [73, 24, 3],
    [-25, 2.5, -10],
  ])('%i px at %i px/day → %i days', (dx, pxPerDay, days) => {
    expect(Object.is(snapDays(dx, pxPerDay), days)).toBe(true)
  })

  it.each([
    ['move', 3, '2026-03-05', '2026-03-09'],
    ['move', -2, '2026-02-28', '2026-03-04'],
    ['end', 3, '2026-03-02', '2026-03-09'],
    ['end', -10, '2026-03-02', '2026-03-02'], // the due date never passes the start
  ] as const)('%s by %i days → %s–%s', (mode, delta, start, due) => {
    expect(dragDates('2026-03-02', '2026-03-06', delta, mode)).toEqual({ start, due })
  })
})

describe('axis', () => {
  it('puts months over weeks at month zoom, labelled in the locale', () => {
    const s: Scale = { originDay: toDay('2026-03-01'), pxPerDay: 7, days: 45, width: 315 }
    const axis = axisTicks(s, 'month', 'en')
    expect(axis.major.map((t) => t.label)).toEqual(['Mar 2026', 'Apr 2026'])
    expect(axis.major[1]).toMatchObject({ x: 31 * 7, width: 14 * 7 })
    // the partial week before the first Monday (Mar 2), then Mondays
    expect(axis.minor.map((t) => t.label)).toEqual(['1', '2', '9', '16', '23', '30', '6', '13'])
    expect(axisTicks(s, 'month', 'zh-CN').major[0]?.label).toBe('2026年3月')
  })

  it('puts quarters over months at quarter zoom', () => {
    const s: Scale = { originDay: toDay('2026-02-01'), pxPerDay: 2.5, days: 200, width: 500 }
    const axis = axisTicks(s, 'quarter', 'en')
    expect(axis.major.map((t) => t.label)).toEqual(['Q1 2026', 'Q2 2026', 'Q3 2026'])
    expect(axis.minor[0]?.label).toBe('Feb')
    expect(quarterLabel(2026, 4, 'zh-CN')).toBe('2026年第4季度')
  })

  it('shades each weekend as one two-day band', () => {
    expect(weekendSpans(scale).slice(0, 2)).toEqual([{ x: 50, width: 20 }, { x: 120, width: 20 }])
  })
})
